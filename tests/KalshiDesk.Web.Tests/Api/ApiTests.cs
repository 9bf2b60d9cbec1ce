using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.TestKit;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Api;

public class ApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task Healthz_IsOpenAndAnswersWhenTheDatabaseDoes()
    {
        using var response = await desk.Client(token: null).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/assets/logo.svg", "image/svg+xml")]
    [InlineData("/assets/theme.css", "text/css")]
    [InlineData("/assets/favicon.ico", "image/x-icon")]
    public async Task BrandAssets_AreServedWithoutSignIn(string path, string contentType)
    {
        using var response = await desk.Client(token: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/proposals?status=pending")]
    [InlineData("/api/positions")]
    [InlineData("/api/calibration")]
    public async Task Api_WithoutSignIn_Is401NotARedirect(string path)
    {
        using var response = await desk.Client(token: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithAnUnknownToken_Is401()
    {
        using var response = await desk.Client("not-a-real-token-at-all").GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToTheSignInPage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = desk.BaseAddress };

        using var response = await client.GetAsync("/proposals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsPaperModeBalancedPresetAndTheOpeningCash()
    {
        var status = await desk.Client().GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal("paper", status.GetProperty("mode").GetString());
        Assert.Equal("sandbox", status.GetProperty("exchange").GetString());
        Assert.Equal("balanced", status.GetProperty("preset").GetString());
        Assert.True(status.GetProperty("equity").GetDecimal() > 0);
        Assert.Equal("paper trading: the desk's ledger is the record, nothing to reconcile", status.GetProperty("reconciliation").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Calibration_BeforeAnySettlement_IsOkWithNoScoresAndTheDeskActive()
    {
        using var client = desk.Client();

        using var response = await client.GetAsync("/api/calibration");
        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("settledMarkets").GetInt32());
        Assert.Equal(0, body.GetProperty("scoredForecasts").GetInt32());
        Assert.All(["desk", "market", "pooled"], name => Assert.Equal(JsonValueKind.Null, body.GetProperty(name).ValueKind));
        Assert.All(["models", "categories", "horizons", "history"], name => Assert.Equal(0, body.GetProperty(name).GetArrayLength()));
        Assert.Equal("identity: no settled markets yet", body.GetProperty("recalibration").GetString());

        // Learned once at start, from nothing: the window is the configured one, the skill unknown, no sit-out.
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("updatedAt").ValueKind);
        var rolling = body.GetProperty("rolling");
        Assert.Equal((100, 0, JsonValueKind.Null, false), (rolling.GetProperty("window").GetInt32(), rolling.GetProperty("count").GetInt32(), rolling.GetProperty("skill").ValueKind, rolling.GetProperty("degraded").GetBoolean()));
        Assert.Equal("active", status.GetProperty("state").GetString());
        var calibration = status.GetProperty("calibration");
        Assert.Equal((0, JsonValueKind.Null, false), (calibration.GetProperty("settledMarkets").GetInt32(), calibration.GetProperty("rollingSkill").ValueKind, calibration.GetProperty("sittingOut").GetBoolean()));
    }

    [Fact]
    public async Task Proposals_AppearFromTheSandboxAndApprovingOneOpensAPosition()
    {
        using var client = desk.Client();
        JsonElement[] pending = [];
        await Eventually.Until(
            async () => (pending = await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? []).Length > 0,
            TimeSpan.FromSeconds(60),
            "the first cycle should propose trades from the Sandbox");
        var proposal = pending[0];
        var id = proposal.GetProperty("id").GetGuid();
        Assert.Equal("pending", proposal.GetProperty("status").GetString());
        Assert.True(proposal.GetProperty("edge").GetDouble() >= 0.03);

        using var approve = await client.PostAsync($"/api/proposals/{id}/approve", null);
        var body = await approve.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("executed", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        var positions = await client.GetFromJsonAsync<JsonElement[]>("/api/positions");
        var ticker = proposal.GetProperty("ticker").GetString();
        Assert.Contains(positions!, p => p.GetProperty("id").GetString() == $"{ticker}:{proposal.GetProperty("side").GetString()}");

        using var again = await client.PostAsync($"/api/proposals/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already executed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_NeedsAReasonAndRecordsIt()
    {
        using var client = desk.Client();
        JsonElement[] pending = [];
        await Eventually.Until(
            async () => (pending = await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? []).Length > 0,
            TimeSpan.FromSeconds(60),
            "a pending proposal to reject");
        var id = pending[^1].GetProperty("id").GetGuid();

        using var missing = await client.PostAsJsonAsync($"/api/proposals/{id}/reject", new { reason = "  " });
        using var rejected = await client.PostAsJsonAsync($"/api/proposals/{id}/reject", new { reason = "thin book overnight" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var view = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("rejected", "thin book overnight", "admin"), (view.GetProperty("status").GetString(), view.GetProperty("reason").GetString(), view.GetProperty("decidedBy").GetString()));
    }

    [Fact]
    public async Task Proposals_BadStatusFilter_Is400ProblemDetails()
    {
        using var response = await desk.Client().GetAsync("/api/proposals?status=bogus");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("status 'bogus' is not one of pending, approved, executed, failed, rejected, expired.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Approve_UnknownId_Is404()
    {
        using var response = await desk.Client().PostAsync($"/api/proposals/{Guid.NewGuid()}/approve", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_CanReadButNotApprove_AndCannotOpenHangfire()
    {
        const string viewerToken = "viewer-token-0123456789abcdef";
        using (var scope = desk.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
            var viewer = new DeskUser { UserName = "viewer-" + Guid.NewGuid().ToString("N")[..8] };
            Assert.True((await users.CreateAsync(viewer, "viewer-password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(viewer, DeskRoles.Viewer)).Succeeded);
            await using var context = await scope.ServiceProvider.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
            context.ApiTokens.Add(new ApiTokenEntity { Id = Guid.NewGuid(), UserId = viewer.Id, Name = "test", TokenHash = ApiTokenAuthenticationHandler.Hash(viewerToken), CreatedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }

        using var client = desk.Client(viewerToken);
        using var read = await client.GetAsync("/api/status");
        using var approve = await client.PostAsync($"/api/proposals/{Guid.NewGuid()}/approve", null);
        using var jobs = await client.GetAsync("/hangfire");
        using var adminJobs = await desk.Client().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminJobs.StatusCode);
    }
}
