using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Sandbox;
using KalshiDesk.TestKit;
using KalshiDesk.Web.Auth;
using KalshiDesk.Web.Hosting;
using KalshiDesk.Web.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Api;

/// <summary>
/// <c>/api/mode</c> over the running app with <c>Trading:Mode=Live</c>: who may read and switch the mode, and how a refusal
/// reads. (With <c>Trading:Mode=Paper</c>: <see cref="Hosting.PaperBookAppTests"/>.)
/// </summary>
public class ModeApiTests(LiveAllowedDeskApp desk) : IClassFixture<LiveAllowedDeskApp>
{
    private async Task<(string Token, string User)> TokenAsync(string role)
    {
        var token = $"{role}-" + Guid.NewGuid().ToString("N");
        var name = $"{role}-" + Guid.NewGuid().ToString("N")[..8];
        using var scope = desk.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        var user = new DeskUser { UserName = name };
        Assert.True((await users.CreateAsync(user, $"{role}-password-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        await using var context = await scope.ServiceProvider.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        context.ApiTokens.Add(new ApiTokenEntity { Id = Guid.NewGuid(), UserId = user.Id, Name = "test", TokenHash = ApiTokenAuthenticationHandler.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await context.SaveChangesAsync();
        return (token, name);
    }

    [Fact]
    public async Task GetMode_AsViewer_IsPaperWithTheKeysStatusNeverTheKey()
    {
        var (viewer, _) = await TokenAsync(DeskRoles.Viewer);

        var mode = await desk.Client(viewer).GetFromJsonAsync<JsonElement>("/api/mode");

        // Trading:Mode=Live allows live trading; it does not start it.
        Assert.Equal(("paper", true), (mode.GetProperty("mode").GetString(), mode.GetProperty("liveAllowed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, mode.GetProperty("heldOnPaper").ValueKind);
        Assert.Matches(@"^configured: key id [0-9a-f]{4}…$", mode.GetProperty("key").GetString());
        Assert.DoesNotContain("PRIVATE KEY", mode.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mode_WithoutSignIn_Is401()
    {
        using var client = desk.Client(token: null);

        using var get = await client.GetAsync("/api/mode");
        using var put = await client.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (get.StatusCode, put.StatusCode));
    }

    [Theory]
    [InlineData(DeskRoles.Viewer)]
    [InlineData(DeskRoles.Trader)]
    public async Task PutMode_NotAnAdmin_Is403AndTheModeStays(string role)
    {
        var (token, _) = await TokenAsync(role);
        using var client = desk.Client(token);

        using var live = await client.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" });
        using var paper = await client.PutAsJsonAsync("/api/mode", new { mode = "paper" });
        using var get = await client.GetAsync("/api/mode");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (live.StatusCode, paper.StatusCode, get.StatusCode));
        Assert.Equal("paper", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("live", "type LIVE exactly to confirm going live: 'live' was typed")]
    [InlineData(null, "type LIVE exactly to confirm going live: nothing was typed")]
    public async Task PutLive_WrongConfirmation_Is400ProblemWithTheReason(string? confirm, string reason)
    {
        using var admin = desk.Client();

        using var response = await admin.PutAsJsonAsync("/api/mode", new { mode = "live", confirm });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("Not confirmed", 400, reason), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32(), problem.GetProperty("detail").GetString()));
        Assert.Equal("paper", (await admin.GetFromJsonAsync<JsonElement>("/api/mode")).GetProperty("mode").GetString());
    }

    [Fact]
    public async Task PutMode_Unknown_Is400NamingTheChoices()
    {
        using var response = await desk.Client().PutAsJsonAsync("/api/mode", new { mode = "yolo" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("mode must be paper or live: {\"mode\": \"live\", \"confirm\": \"LIVE\"} or {\"mode\": \"paper\"}.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutLive_AdminConfirms_GoesLiveStatusSaysSoAndPaperComesBackInOneCall()
    {
        using var admin = desk.Client();
        var since = DateTimeOffset.UtcNow;

        using var live = await admin.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" });
        var switched = await live.Content.ReadFromJsonAsync<JsonElement>();
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/status");
        using var paper = await admin.PutAsJsonAsync("/api/mode", new { mode = "paper" });
        var back = await paper.Content.ReadFromJsonAsync<JsonElement>();
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(("live", "admin"), (switched.GetProperty("mode").GetString(), switched.GetProperty("changedBy").GetString()));
        Assert.True(switched.GetProperty("changedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(("live", "live"), (status.GetProperty("mode").GetString(), status.GetProperty("book").GetString()));
        Assert.EndsWith("desk.db", status.GetProperty("bookDatabase").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Equal(("paper", "admin"), (back.GetProperty("mode").GetString(), back.GetProperty("changedBy").GetString()));
        Assert.Equal(("paper", "paper"), (after.GetProperty("mode").GetString(), after.GetProperty("book").GetString()));
        Assert.EndsWith("desk-paper.db", after.GetProperty("bookDatabase").GetString(), StringComparison.Ordinal);
        Assert.Equal("paper trading: the desk's ledger is the record, nothing to reconcile", after.GetProperty("reconciliation").GetProperty("summary").GetString());
        await using var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        var switches = await context.Audit.Where(a => (a.Action == "mode.live" || a.Action == "mode.paper") && a.At >= since).ToListAsync();
        Assert.Equal(
            [("mode.live", "admin", "paper", "live"), ("mode.paper", "admin", "live", "paper")],
            switches.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => (a.Action, a.Actor, a.OldValue!, a.NewValue!)));
    }

    [Fact]
    public async Task ReconciliationJob_SkipsOnPaper_AndRunsRightAfterTheSwitchToLive()
    {
        using var admin = desk.Client();
        // Reconciliation compares the exchange with the live book, in the main database.
        var db = desk.Services.GetRequiredService<DeskControlDb>();
        async Task<int> RunsAsync()
        {
            await using var context = await db.CreateDbContextAsync();
            return await context.ReconciliationRuns.CountAsync();
        }

        var before = await RunsAsync();
        await desk.Services.GetRequiredService<ReconciliationJob>().RunAsync(CancellationToken.None);
        var onPaper = await RunsAsync();
        using (var live = await admin.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" }))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        try
        {
            Assert.Equal(before, onPaper);
            await Eventually.Until(async () => await RunsAsync() > before, TimeSpan.FromSeconds(60), "a reconciliation should run right after the switch to live");
        }
        finally
        {
            using var paper = await admin.PutAsJsonAsync("/api/mode", new { mode = "paper" });
            Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        }
    }

    [Fact]
    public async Task PutLive_DeskWithoutAKey_Is409ProblemNamingWhatIsMissing()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Markets = 8 });
        var directory = Directory.CreateTempSubdirectory("kalshidesk-mode-");
        var app = await KalshiDeskHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:KalshiDesk=Data Source={Path.Combine(directory.FullName, "desk.db")}",
            $"--KALSHIDESK_ADMIN_PASSWORD={DeskApp.AdminPassword}",
            $"--KALSHIDESK_API_TOKEN={DeskApp.AdminToken}",
            "--Logging:LogLevel:Default=Warning",

            // An exchange of its own and no key: the desk trades on paper and cannot go live.
            $"--Kalshi:BaseUrl={sandbox.BaseUrl.AbsoluteUri}",
            $"--Kalshi:WebSocketUrl={sandbox.WebSocketUrl.AbsoluteUri}",
            "--Trading:Mode=Live",
        ]);
        try
        {
            await app.StartAsync();
            using var admin = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DeskApp.AdminToken);

            var before = await admin.GetFromJsonAsync<JsonElement>("/api/mode");
            using var response = await admin.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var after = await admin.GetFromJsonAsync<JsonElement>("/api/mode");

            Assert.Equal("not configured", before.GetProperty("key").GetString());
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(("Cannot go live", 409), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
            Assert.Equal("no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", problem.GetProperty("detail").GetString());
            var checks = problem.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("passed").GetBoolean());
            Assert.Equal(new Dictionary<string, bool> { ["Trading:Mode"] = true, ["Kalshi key"] = false, ["configuration"] = true, ["database"] = true, ["paper database"] = true, ["exchange"] = true, ["api key"] = true }, checks);
            Assert.Equal("paper", after.GetProperty("mode").GetString());
            await using var context = await app.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
            var refused = await context.Audit.SingleAsync(a => a.Action == "mode.live.refused");
            Assert.Equal(("admin", "paper", "paper"), (refused.Actor, refused.OldValue, refused.NewValue));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(true);
        }
    }
}
