using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Portfolio;

public class PnlReaderTests
{
    [Fact]
    public async Task ReadAsync_BuyMarkSettleOverTwoNewYorkDays_GivesTheCurveEachDayAndTheTotals()
    {
        var exchange = new FakeExchange();
        var market = new MarketBuilder().Last(0.70m).Build();
        exchange.Set(market);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();

        // Monday 10:00 New York: flat. 10:01: 44 YES bought at 0.55 (+0.77 fee) and marked at 0.59. Tuesday 16:00 the
        // market settles YES (+19.03), seen by the cycle at 17:01.
        await cycle.RunAsync();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            Assert.True((await desk.Get<ProposalService>().ApproveAsync((await context.Proposals.SingleAsync()).Id, "alice")).Succeeded);
        }

        exchange.Set(new MarketBuilder().Quote(0.58m, 0.60m).Last(0.70m).Build());
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        await cycle.RunAsync();
        exchange.Set(market with { Status = MarketStatus.Finalized, Result = MarketResult.Yes, SettledAt = EngineHarness.Start.AddHours(30), SettlementValue = Price.FromDollars(1m) });
        desk.Time.Advance(TimeSpan.FromHours(31));
        await cycle.RunAsync();

        var report = await desk.Get<PnlReader>().ReadAsync(EngineHarness.Start.AddHours(-1), EngineHarness.Start.AddDays(2));

        Assert.Equal(3, report.Snapshots);
        Assert.Equal(
            [(EngineHarness.Start, 1000m), (EngineHarness.Start.AddMinutes(1), 1000.99m), (EngineHarness.Start.AddHours(31).AddMinutes(1), 1019.03m)],
            report.Points.Select(p => (p.At, p.Equity)));
        Assert.Equal(
            [
                new DailyPnl(new DateOnly(2026, 11, 23), 1000m, 1000.99m, 0.99m, 0m, 0.77m, 2),
                new DailyPnl(new DateOnly(2026, 11, 24), 1000.99m, 1019.03m, 18.04m, 19.03m, 0m, 1),
            ],
            report.Days);
        Assert.Equal(new PnlTotals(1019.03m, 1019.03m, 0m, 1000m, 19.03m, 19.03m, 0m, 0.77m), report.Totals);
    }

    [Fact]
    public async Task ReadAsync_SnapshotsEitherSideOfNewYorkMidnight_FallOnTheirOwnDays()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());
        // 04:59:59 UTC on the 24th is 23:59:59 on the 23rd in New York (EST, UTC−5); 05:00 UTC is midnight of the 24th.
        var lastOfMonday = new DateTimeOffset(2026, 11, 24, 4, 59, 59, TimeSpan.Zero);
        var midnight = new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.EquitySnapshots.AddRange(
                Snapshot(EngineHarness.Start, 1000m),
                Snapshot(lastOfMonday, 1012.50m),
                Snapshot(midnight, 1013m),
                Snapshot(midnight.AddHours(15), 1007.25m));
            context.Settlements.AddRange(
                new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXA-1", Result = "yes", SettledAt = lastOfMonday.AddMinutes(-30), Revenue = 10m, Cost = 6m, Fee = 0.20m, YesCount = 10m },
                new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXB-1", Result = "no", SettledAt = midnight.AddMinutes(30), Revenue = 0m, Cost = 4.50m, Fee = 0.10m, YesCount = 9m });
            await context.SaveChangesAsync();
        }

        var report = await desk.Get<PnlReader>().ReadAsync(EngineHarness.Start, midnight.AddDays(1));

        Assert.Equal(
            [
                new DailyPnl(new DateOnly(2026, 11, 23), 1000m, 1012.50m, 12.50m, 3.80m, 0m, 2),
                new DailyPnl(new DateOnly(2026, 11, 24), 1012.50m, 1007.25m, -5.25m, -4.60m, 0m, 2),
            ],
            report.Days);

        // The days add up to the whole change, the move across midnight included.
        Assert.Equal(1007.25m - 1000m, report.Days.Sum(d => d.EquityChange));

        // A window starting on the 24th still opens the 24th at the 23rd's close, from before the window.
        var second = await desk.Get<PnlReader>().ReadAsync(midnight, midnight.AddDays(1));
        Assert.Equal([new DailyPnl(new DateOnly(2026, 11, 24), 1012.50m, 1007.25m, -5.25m, -4.60m, 0m, 2)], second.Days);
    }

    [Fact]
    public async Task ReadAsync_WindowInsideADay_DrawsOnlyTheWindowButCountsTheWholeDay()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.EquitySnapshots.AddRange(
                Snapshot(EngineHarness.Start, 1000m),
                Snapshot(EngineHarness.Start.AddHours(1), 1001m),
                Snapshot(EngineHarness.Start.AddHours(2), 1002m));
            await context.SaveChangesAsync();
        }

        var report = await desk.Get<PnlReader>().ReadAsync(EngineHarness.Start.AddMinutes(30), EngineHarness.Start.AddHours(1));

        Assert.Equal([(EngineHarness.Start.AddHours(1), 1001m)], report.Points.Select(p => (p.At, p.Equity)));
        Assert.Equal(new DailyPnl(new DateOnly(2026, 11, 23), 1000m, 1002m, 2m, 0m, 0m, 3), Assert.Single(report.Days));
    }

    [Fact]
    public async Task ReadAsync_PositionSoldByTheKillSwitch_RealizesProceedsLessFeeLessItsCostAndFees()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<TradingCycle>().RunAsync();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            Assert.True((await desk.Get<ProposalService>().ApproveAsync((await context.Proposals.SingleAsync()).Id, "alice")).Succeeded);
        }

        // 44 YES bought at 0.55 (24.20 + 0.77), sold into the 0.53 bids: 23.32 less the 0.77 taker fee.
        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: true);

        var report = await desk.Get<PnlReader>().ReadAsync(EngineHarness.Start.AddHours(-1), EngineHarness.Start.AddHours(1));
        Assert.Equal((23.32m, 0.77m), (kill.Proceeds, kill.Fees));
        var day = Assert.Single(report.Days);
        Assert.Equal((new DateOnly(2026, 11, 23), 23.32m - 0.77m - 24.20m - 0.77m, 1.54m), (day.Day, day.RealizedPnl, day.Fees));
        Assert.Equal((-2.42m, -2.42m, 0m, 1.54m), (report.Totals.Pnl, report.Totals.RealizedPnl, report.Totals.UnrealizedPnl, report.Totals.FeesPaid));
    }

    [Fact]
    public async Task ReadAsync_WindowEndingBeforeItStarts_IsRefused()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => desk.Get<PnlReader>().ReadAsync(EngineHarness.Start, EngineHarness.Start));
    }

    private static EquitySnapshotEntity Snapshot(DateTimeOffset at, decimal equity) =>
        new() { Id = Guid.NewGuid(), At = at, Equity = equity, Cash = equity, Deposits = 1000m, RealizedPnl = equity - 1000m };
}
