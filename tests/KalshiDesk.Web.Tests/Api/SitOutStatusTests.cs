using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data.Entities;
using KalshiDesk.TestKit;
using KalshiDesk.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static KalshiDesk.Web.Tests.SettledForecasts;

namespace KalshiDesk.Web.Tests.Api;

/// <summary>
/// A desk restarted over a history in which it did worse than the market sits out from its first cycle: what was learned
/// is relearned at start, the status says why, and no entry is proposed.
/// </summary>
public sealed class SitOutStatusTests : IDisposable
{
    private const string Token = "sit-out-token-0123456789abcdef";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-sitout-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }

    [Fact]
    public async Task Start_AfterFortyMarketsTheDeskCalledWorseThanTheMarket_StatusSaysSittingOutAndNothingIsProposed()
    {
        // 40 markets, half YES: the desk always said 0.9 (Brier (0.01 + 0.81) / 2 = 0.41), the market 0.5 (0.25).
        // Rolling skill 1 − 0.41 / 0.25 = −0.64, over at least the 30 markets the sit-out needs.
        var settled = new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
        var history = new List<ForecastEntity>();
        for (var i = 0; i < 40; i++)
        {
            var close = settled.AddHours(i);
            history.Add(Forecast($"KXSITOUT-{i:00}", "weather", close, TimeSpan.FromHours(2), close.AddMinutes(6), 0.5, 0.9, 0.9, i % 2 == 0, ("alpha", 0.9)));
        }

        var app = await KalshiDeskHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:KalshiDesk=Data Source={Path.Combine(_directory.FullName, "desk.db")}",
            "--KALSHIDESK_ADMIN_PASSWORD=sit-out-admin-pw",
            $"--KALSHIDESK_API_TOKEN={Token}",
            "--Logging:LogLevel:Default=Warning",
            "--Sandbox:TickInterval=00:00:00",
        ]);
        await using (app)
        {
            // The database is migrated by now; the history is there before anything starts, as after a restart.
            await SaveAsync(app.Services, history);
            await app.StartAsync();
            using var client = Client(app);

            var status = await client.GetFromJsonAsync<JsonElement>("/api/status");

            const string reason = "calibration degraded: rolling Brier skill -0.6400 against the market price over the last 40 settled markets (desk 0.4100, market 0.2500)";
            Assert.Equal("sitting out", status.GetProperty("state").GetString());
            Assert.Equal(reason, status.GetProperty("reason").GetString());
            var calibration = status.GetProperty("calibration");
            Assert.Equal(40, calibration.GetProperty("settledMarkets").GetInt32());
            Assert.Equal(-0.64, calibration.GetProperty("rollingSkill").GetDouble(), 12);
            Assert.True(calibration.GetProperty("sittingOut").GetBoolean());

            var rolling = (await client.GetFromJsonAsync<JsonElement>("/api/calibration")).GetProperty("rolling");
            Assert.True(rolling.GetProperty("degraded").GetBoolean());
            Assert.Equal(reason, rolling.GetProperty("reason").GetString());

            // The first cycle runs right after start: every market that got as far as the risk gate was denied for it.
            JsonElement cycle = default;
            await Eventually.Until(
                async () => (cycle = (await client.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("lastCycle")).ValueKind == JsonValueKind.Object
                    && cycle.GetProperty("finishedAt").ValueKind != JsonValueKind.Null,
                TimeSpan.FromSeconds(60),
                "the first cycle should run right after start");
            Assert.Equal(0, cycle.GetProperty("proposed").GetInt32());
            Assert.True(cycle.GetProperty("skipReasons").GetProperty("sit-out").GetInt32() > 0, cycle.GetRawText());
            Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending"))!);
            await app.StopAsync();
        }
    }

    private static HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
