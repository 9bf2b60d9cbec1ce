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

/// <summary><c>/api/risk</c> over the running app: what each role may do, and what the desk shows and records.</summary>
public class RiskApiTests(DeskApp desk) : IClassFixture<DeskApp>
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
    public async Task GetRisk_AsViewer_ShowsTheStateEveryLimitAndTheBreaker()
    {
        var (viewer, _) = await TokenAsync(DeskRoles.Viewer);
        using var client = desk.Client(viewer);

        var risk = await client.GetFromJsonAsync<JsonElement>("/api/risk");

        Assert.Equal("active", risk.GetProperty("state").GetString());
        Assert.Equal("balanced", risk.GetProperty("preset").GetString());
        var limits = risk.GetProperty("limits").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(12, limits.Count);
        Assert.Equal((0.04m, 0.04m, false), (limits["dailyLossLimit"].GetProperty("value").GetDecimal(), limits["dailyLossLimit"].GetProperty("presetValue").GetDecimal(), limits["dailyLossLimit"].GetProperty("overridden").GetBoolean()));
        Assert.Equal((0.15m, 6m), (limits["maxDrawdown"].GetProperty("value").GetDecimal(), limits["maxConsecutiveLosses"].GetProperty("value").GetDecimal()));
        Assert.Equal("fraction of day-start equity", limits["dailyLossLimit"].GetProperty("unit").GetString());
        Assert.True(risk.TryGetProperty("measures", out _));
        Assert.True(risk.TryGetProperty("audit", out _));
    }

    [Fact]
    public async Task GetRisk_WithoutSignIn_Is401()
    {
        using var response = await desk.Client(token: null).GetAsync("/api/risk");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Status_AfterTheFirstCycle_CarriesEveryGatesCountAndTheTradingState()
    {
        using var client = desk.Client();
        JsonElement cycle = default;
        await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("lastCycle") is { ValueKind: JsonValueKind.Object } last && (cycle = last).ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(60),
            "the first cycle should run right after start");

        var gates = cycle.GetProperty("gates");
        Assert.Equal(cycle.GetProperty("scanned").GetInt32(), gates.GetProperty("market open").GetProperty("passed").GetInt32() + gates.GetProperty("market open").GetProperty("failed").GetInt32());
        Assert.True(gates.GetProperty("data age").GetProperty("passed").GetInt32() > 0);
        Assert.Equal("active", cycle.GetProperty("tradingState").GetString());
    }

    [Fact]
    public async Task PutPreset_TraderSwitchesItAndTheAuditSaysWhoAndFromWhatToWhat()
    {
        var (viewer, _) = await TokenAsync(DeskRoles.Viewer);
        var (trader, traderName) = await TokenAsync(DeskRoles.Trader);
        using var asTrader = desk.Client(trader);

        using var refused = await desk.Client(viewer).PutAsJsonAsync("/api/risk/preset", new { preset = "conservative" });
        using var unknown = await asTrader.PutAsJsonAsync("/api/risk/preset", new { preset = "reckless" });
        using var switched = await asTrader.PutAsJsonAsync("/api/risk/preset", new { preset = "conservative" });
        var body = await switched.Content.ReadFromJsonAsync<JsonElement>();
        var status = await asTrader.GetFromJsonAsync<JsonElement>("/api/status");
        using var back = await asTrader.PutAsJsonAsync("/api/risk/preset", new { preset = "balanced" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Unknown preset 'reckless'; use conservative, balanced or aggressive.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("conservative", body.GetProperty("preset").GetString());
        Assert.Equal("conservative", status.GetProperty("preset").GetString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var entry = body.GetProperty("audit").EnumerateArray().First(a => a.GetProperty("action").GetString() == "risk.preset");
        Assert.Equal((traderName, "balanced", "conservative"), (entry.GetProperty("actor").GetString(), entry.GetProperty("oldValue").GetString(), entry.GetProperty("newValue").GetString()));
        await using var context = await desk.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        var rows = await context.Audit.Where(a => a.Action == "risk.preset" && a.Actor == traderName).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.OldValue == "balanced" && r.NewValue == "conservative" && r.At > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task KillAndResume_OnlyAnAdmin_HaltsThenTradesAgain()
    {
        var (viewer, _) = await TokenAsync(DeskRoles.Viewer);
        var (trader, _) = await TokenAsync(DeskRoles.Trader);
        using var admin = desk.Client();

        using var viewerKill = await desk.Client(viewer).PostAsJsonAsync("/api/risk/kill", new { flatten = false });
        using var traderKill = await desk.Client(trader).PostAsJsonAsync("/api/risk/kill", new { flatten = false });
        using var kill = await admin.PostAsJsonAsync("/api/risk/kill", new { flatten = false });
        var killed = await kill.Content.ReadFromJsonAsync<JsonElement>();
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/status");
        using var traderResume = await desk.Client(trader).PostAsync("/api/risk/resume", null);
        using var resume = await admin.PostAsync("/api/risk/resume", null);
        var resumed = await resume.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await admin.PostAsync("/api/risk/resume", null);

        Assert.Equal(HttpStatusCode.Forbidden, viewerKill.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, traderKill.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        Assert.Equal("kill switch pulled by admin", killed.GetProperty("kill").GetProperty("reason").GetString());
        Assert.Empty(killed.GetProperty("kill").GetProperty("exits").EnumerateArray());
        var risk = killed.GetProperty("risk");
        Assert.Equal(("halted", "kill-switch", "an admin's resume"), (risk.GetProperty("state").GetString(), risk.GetProperty("cause").GetString(), risk.GetProperty("resumesBy").GetString()));
        Assert.Equal(("halted", "kill switch pulled by admin"), (status.GetProperty("state").GetString(), status.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, traderResume.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.NotEqual("halted", resumed.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        var audit = resumed.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("risk.kill", audit);
        Assert.Contains("risk.resume", audit);
    }

    [Fact]
    public async Task Kill_WithoutABody_KeepsPositionsAndAResumeUndoesIt()
    {
        using var admin = desk.Client();

        using var kill = await admin.PostAsync("/api/risk/kill", null);
        using var resume = await admin.PostAsync("/api/risk/resume", null);

        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        Assert.Equal("kill switch pulled by admin", (await kill.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kill").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
    }

    [Fact]
    public async Task Overrides_AdminSetsAndClearsOne_TraderMayNot()
    {
        var (trader, _) = await TokenAsync(DeskRoles.Trader);
        using var admin = desk.Client();

        using var traderSet = await desk.Client(trader).PutAsJsonAsync("/api/risk/overrides/maxSpread", new { value = 0.05m });
        using var invalid = await admin.PutAsJsonAsync("/api/risk/overrides/maxSpread", new { value = 3m });
        using var set = await admin.PutAsJsonAsync("/api/risk/overrides/maxSpread", new { value = 0.05m });
        var overridden = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "maxSpread");
        using var cleared = await admin.DeleteAsync("/api/risk/overrides/maxSpread");
        var restored = (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "maxSpread");

        Assert.Equal(HttpStatusCode.Forbidden, traderSet.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("maxSpread must be between 0.01 and 1 (dollars); 3 is not.", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((0.05m, 0.06m, true), (overridden.GetProperty("value").GetDecimal(), overridden.GetProperty("presetValue").GetDecimal(), overridden.GetProperty("overridden").GetBoolean()));
        Assert.Equal((0.06m, false), (restored.GetProperty("value").GetDecimal(), restored.GetProperty("overridden").GetBoolean()));
    }
}
