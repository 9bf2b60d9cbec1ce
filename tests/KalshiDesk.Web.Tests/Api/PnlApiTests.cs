using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Api;

public class PnlApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    private IDbContextFactory<DeskDbContext> Db => desk.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>();

    [Fact]
    public async Task Get_WindowAroundNewYorkMidnight_GivesEveryPointAndEachDayWithItsRealizedPnl()
    {
        // A year before the desk's own cycles: 04:59 UTC on the 21st is 23:59 on the 20th in New York (EST), 05:00 its midnight.
        var monday = new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero);
        var lastOfMonday = new DateTimeOffset(2025, 11, 21, 4, 59, 0, TimeSpan.Zero);
        var midnight = new DateTimeOffset(2025, 11, 21, 5, 0, 0, TimeSpan.Zero);
        await using (var context = await Db.CreateDbContextAsync())
        {
            context.EquitySnapshots.AddRange(
                Snapshot(monday, 1000m),
                Snapshot(lastOfMonday, 1010.50m),
                Snapshot(midnight, 1011m),
                Snapshot(midnight.AddHours(15), 1005.25m));
            context.Settlements.AddRange(
                new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXPNLAPI-A", Result = "yes", SettledAt = lastOfMonday.AddMinutes(-29), Revenue = 10m, Cost = 6m, Fee = 0.20m, YesCount = 10m },
                new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXPNLAPI-B", Result = "no", SettledAt = midnight.AddMinutes(30), Revenue = 0m, Cost = 4.50m, Fee = 0.10m, YesCount = 9m });
            await context.SaveChangesAsync();
        }

        var token = await ViewerToken.CreateAsync(desk.Services);
        var body = await desk.Client(token).GetFromJsonAsync<JsonElement>("/api/pnl?from=2025-11-20T00:00:00Z&to=2025-11-22T00:00:00Z");

        Assert.Equal(4, body.GetProperty("snapshots").GetInt32());
        Assert.Equal(
            [(monday, 1000m), (lastOfMonday, 1010.50m), (midnight, 1011m), (midnight.AddHours(15), 1005.25m)],
            body.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("at").GetDateTimeOffset(), p.GetProperty("equity").GetDecimal())));
        Assert.Equal(
            [("2025-11-20", 1000m, 1010.50m, 10.50m, 3.80m, 0m, 2), ("2025-11-21", 1010.50m, 1005.25m, -5.25m, -4.60m, 0m, 2)],
            body.GetProperty("days").EnumerateArray().Select(d => (
                d.GetProperty("day").GetString(),
                d.GetProperty("openEquity").GetDecimal(),
                d.GetProperty("closeEquity").GetDecimal(),
                d.GetProperty("equityChange").GetDecimal(),
                d.GetProperty("realizedPnl").GetDecimal(),
                d.GetProperty("fees").GetDecimal(),
                d.GetProperty("snapshots").GetInt32())));
        var totals = body.GetProperty("totals");
        Assert.Equal(totals.GetProperty("pnl").GetDecimal(), totals.GetProperty("realizedPnl").GetDecimal() + totals.GetProperty("unrealizedPnl").GetDecimal());
    }

    [Fact]
    public async Task Get_AfterTwoCyclesWithAFillBetween_HasAPointPerCycleAtTheEquityTheDeskShowed()
    {
        using var client = desk.Client();
        var cycle = desk.Services.GetRequiredService<TradingCycle>();
        var before = await cycle.RunAsync();
        var flat = await client.GetFromJsonAsync<JsonElement>("/api/status");
        JsonElement? taker = null;
        await Eventually.Until(
            async () => (taker = (await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? []).Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("route").GetString() == "taker")) is not null,
            TimeSpan.FromSeconds(60),
            "a taker proposal to approve");
        using (var approve = await client.PostAsync($"/api/proposals/{taker!.Value.GetProperty("id").GetGuid()}/approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        var after = await cycle.RunAsync();
        var held = await client.GetFromJsonAsync<JsonElement>("/api/status");
        var position = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/positions") ?? []);

        var from = Uri.EscapeDataString(before.StartedAt.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(after.StartedAt.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));
        var points = (await client.GetFromJsonAsync<JsonElement>($"/api/pnl?from={from}&to={to}")).GetProperty("points").EnumerateArray()
            .Select(p => (At: p.GetProperty("at").GetDateTimeOffset(), Equity: p.GetProperty("equity").GetDecimal()))
            .ToList();

        // SQLite keeps times to the tenth of a millisecond.
        var first = Assert.Single(points, p => (p.At - before.StartedAt).Duration() < TimeSpan.FromMilliseconds(1));
        var second = Assert.Single(points, p => (p.At - after.StartedAt).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(flat.GetProperty("equity").GetDecimal(), first.Equity);
        Assert.Equal(held.GetProperty("equity").GetDecimal(), second.Equity);
        // The fill paid cost and fee out of cash; the contracts are worth their mark.
        var (cost, fees, value) = (position.GetProperty("cost").GetDecimal(), position.GetProperty("feesPaid").GetDecimal(), position.GetProperty("value").GetDecimal());
        Assert.Equal(first.Equity - cost - fees + value, second.Equity);
    }

    [Theory]
    [InlineData("days=0", "days", "days must be between 1 and 366; got 0.")]
    [InlineData("days=week", "days", "days must be a whole number; got 'week'.")]
    [InlineData("days=7&from=2025-11-20T00:00:00Z", "days", "days cannot be combined with from or to; give a number of days or a window.")]
    [InlineData("from=yesterday", "from", "from must be an ISO 8601 time such as 2026-11-23T15:00:00Z; got 'yesterday'.")]
    [InlineData("from=2025-11-22T00:00:00Z&to=2025-11-20T00:00:00Z", "to", "to must be after from; got from 2025-11-22T00:00:00.0000000+00:00 and to 2025-11-20T00:00:00.0000000+00:00.")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2025-11-20T00:00:00Z", "from", "from and to must be at most 366 days apart; got 689.")]
    [InlineData("points=1", "points", "points must be between 2 and 10000; got 1.")]
    public async Task Get_BadQuery_IsAProblemNamingTheParameter(string query, string field, string message)
    {
        using var response = await desk.Client().GetAsync("/api/pnl?" + query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Get_Unauthenticated_Is401()
    {
        using var response = await desk.Client(token: null).GetAsync("/api/pnl?days=7");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static EquitySnapshotEntity Snapshot(DateTimeOffset at, decimal equity) =>
        new() { Id = Guid.NewGuid(), At = at, Equity = equity, Cash = equity, Deposits = 1000m, RealizedPnl = equity - 1000m };
}
