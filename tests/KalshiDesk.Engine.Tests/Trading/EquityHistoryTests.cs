using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Trading;

/// <summary>Each cycle records the account as it measured it: the equity curve and the daily P&amp;L read those snapshots.</summary>
public class EquityHistoryTests
{
    [Fact]
    public async Task RunAsync_BuyThenMarkThenSettle_RecordsTheAccountAsThePortfolioReaderReadsItEachCycle()
    {
        var exchange = new FakeExchange();
        var market = new MarketBuilder().Last(0.70m).Build();
        exchange.Set(market);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();

        // Flat at the start; then 44 YES bought at 0.55 for 24.20 + 0.77 fee, marked at the new mid 0.59; then settled YES.
        var first = await cycle.RunAsync();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            Assert.True((await desk.Get<ProposalService>().ApproveAsync((await context.Proposals.SingleAsync()).Id, "alice")).Succeeded);
        }

        exchange.Set(new MarketBuilder().Quote(0.58m, 0.60m).Last(0.70m).Build());
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await cycle.RunAsync();
        var marked = await desk.Get<PortfolioReader>().ReadAsync();
        exchange.Set(market with { Status = MarketStatus.Finalized, Result = MarketResult.Yes, SettledAt = EngineHarness.Start.AddHours(30), SettlementValue = Price.FromDollars(1m) });
        desk.Time.Advance(TimeSpan.FromHours(31));
        var third = await cycle.RunAsync();

        await using var after = await desk.Db.CreateDbContextAsync();
        var snapshots = await after.EquitySnapshots.OrderBy(s => s.At).ToListAsync();
        Assert.Equal([first.CycleId, second.CycleId, third.CycleId], snapshots.Select(s => s.CycleId!.Value));
        Assert.Equal([first.StartedAt, second.StartedAt, third.StartedAt], snapshots.Select(s => s.At));
        Assert.Equal(
            [(1000m, 1000m, 0m, 1000m, 0m, 0m), (1000.99m, 975.03m, 24.20m, 1000m, 0m, 0.99m), (1019.03m, 1019.03m, 0m, 1000m, 19.03m, 0m)],
            snapshots.Select(s => (s.Equity, s.Cash, s.Exposure, s.Deposits, s.RealizedPnl, s.UnrealizedPnl)));
        Assert.Equal((marked.Equity, marked.Cash, marked.UnrealizedPnl, marked.RealizedPnl), (snapshots[1].Equity, snapshots[1].Cash, snapshots[1].UnrealizedPnl, snapshots[1].RealizedPnl));
    }
}
