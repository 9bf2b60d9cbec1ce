using System.Net;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scanner;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Api;

public class MarketsApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 30, TimeSpan.Zero);

    private const string CycleId = "0193f1a2-0000-7000-8000-000000000001";

    /// <summary>
    /// Publishes two known markets and reads the query. The app's own cycles publish too (at start, then every minute), so
    /// the read waits for the start cycle to have finished; a read that still raced a later cycle is made again at once.
    /// </summary>
    private async Task<JsonElement> GetAsync(string query, string? token = DeskApp.AdminToken)
    {
        await StartCycleFinishedAsync();
        for (var attempt = 0; ; attempt++)
        {
            Publish();
            using var response = await desk.Client(token).GetAsync("/api/markets?" + query);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            var body = JsonDocument.Parse(text).RootElement;
            if (body.GetProperty("cycleId").GetString() == CycleId || attempt == 2)
            {
                return body;
            }
        }
    }

    /// <summary>Completes once the app's start cycle has published its markets.</summary>
    private async Task StartCycleFinishedAsync()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = desk.Services.GetRequiredService<IDeskEvents>().Subscribe(e =>
        {
            if (e is CycleCompleted)
            {
                finished.TrySetResult();
            }

            return Task.CompletedTask;
        });
        // The cycle publishes its markets before it saves its run, so a saved run means its markets are out.
        await using var context = await desk.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        if (!await context.CycleRuns.AnyAsync())
        {
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
    }

    private void Publish()
    {
        var rows = new[]
        {
            new ScannedMarket("KXA-1", "KXA", "Rain in Seattle", "Weather", 0.53m, 0.55m, 0.54m, 0.54, 0.634, "yes", 0.0669, "proposed", "proposed", null, At.AddDays(1)),
            new ScannedMarket("KXB-1", "KXB", "Snow in Denver", "Weather", 0.40m, 0.60m, null, 0.50, 0.52, "yes", -0.098, "priced", "skipped", "no edge: best is yes at -0.0980", At.AddDays(2)),
        };
        desk.Services.GetRequiredService<MarketScan>().Publish(Guid.Parse(CycleId), At, rows);
    }

    [Fact]
    public async Task Get_AsViewer_ListsTheLastCycleWithDecisionsAndReasons()
    {
        var token = await ViewerToken.CreateAsync(desk.Services);

        var body = await GetAsync("decision=skipped", token);

        Assert.Equal((CycleId, 1), (body.GetProperty("cycleId").GetString(), body.GetProperty("total").GetInt32()));
        var market = Assert.Single(body.GetProperty("markets").EnumerateArray());
        Assert.Equal(("KXB-1", "skipped", "priced", "no edge: best is yes at -0.0980"), (market.GetProperty("ticker").GetString(), market.GetProperty("decision").GetString(), market.GetProperty("stage").GetString(), market.GetProperty("reason").GetString()));
        Assert.Equal((0.40m, 0.60m, 0.52, -0.098), (market.GetProperty("yesBid").GetDecimal(), market.GetProperty("yesAsk").GetDecimal(), market.GetProperty("estimate").GetDouble(), market.GetProperty("edge").GetDouble()));
    }

    [Fact]
    public async Task Get_DefaultOrder_IsTheLargestEdgeFirst()
    {
        var body = await GetAsync("search=weather");

        Assert.Equal(["KXA-1", "KXB-1"], body.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()));
    }

    [Theory]
    [InlineData("limit=5000", "limit", "limit must be between 1 and 1000; got 5000.")]
    [InlineData("sort=volume", "sort", "sort must be one of edge, ticker, estimate, stage, closes; got 'volume'.")]
    [InlineData("decision=%3Cscript%3E", "decision", "decision must be proposed or skipped; got '<script>'.")]
    [InlineData("limit=abc", "limit", "limit must be a whole number; got 'abc'.")]
    [InlineData("offset=1.5", "offset", "offset must be a whole number; got '1.5'.")]
    [InlineData("desc=maybe", "desc", "desc must be true or false; got 'maybe'.")]
    public async Task Get_BadQuery_IsAProblemNamingTheParameter(string query, string field, string message)
    {
        using var response = await desk.Client().GetAsync("/api/markets?" + query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Get_Unauthenticated_Is401()
    {
        using var response = await desk.Client(token: null).GetAsync("/api/markets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
