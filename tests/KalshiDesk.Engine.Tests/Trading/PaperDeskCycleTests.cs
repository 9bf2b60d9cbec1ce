using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Trading;

/// <summary>The cycle on a paper desk: the maker route proposed from the tape, resting bids filled, settlements paid.</summary>
public class PaperDeskCycleTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";

    [Fact]
    public async Task RunAsync_BusyTapeAndAThinBidQueue_ProposesARestingBidAtTheBid()
    {
        // 10 contracts bid at 0.53 ahead of us, and 600 sold into the YES bids in the last hour (all before the order-flow
        // model's 15 minutes): a 15-minute bid expects 150, enough to fill the queue and ours (p = 1). Crossing takes only
        // the 10 offered at 0.55, so resting is worth more.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build(), depth: 10m);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var tape = desk.Get<TradeTape>();
        for (var i = 0; i < 6; i++)
        {
            tape.Add(new RecentTrade(Ticker, Price.Parse("0.53"), Quantity.Of(100), Side.No, EngineHarness.Start.AddMinutes(-55 + (i * 5))));
        }

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(1, report.Proposed);
        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal(("yes", ProposalService.MakerRoute, 0.53m, 1d), (proposal.Side, proposal.Route, proposal.Price, proposal.FillProbability));
        // A quadratic series charges makers nothing: the bid's cost is its whole outlay, inside balanced's $25.
        Assert.Equal((0m, 0m), (proposal.Fee, proposal.FeePerContract));
        Assert.Equal(proposal.Contracts * 0.53m, proposal.Cost);
        Assert.True(proposal.Contracts > 10m && proposal.Cost <= 25m, $"{proposal.Contracts} contracts for {proposal.Cost}");
        Assert.Equal(Math.Round(proposal.ProbabilityYes - 0.53, 10), Math.Round(proposal.Edge, 10));
    }

    [Fact]
    public async Task RunAsync_QuietTape_KeepsTheTakerRoute()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal(("taker", 1d, 0.55m, 44m), (proposal.Route, proposal.FillProbability, proposal.Price, proposal.Contracts));
    }

    [Fact]
    public async Task RunAsync_MarketCameDownToARestingPaperBid_FillsItAtTheStartOfTheCycle()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build(), depth: 10m);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var tape = desk.Get<TradeTape>();
        tape.Add(new RecentTrade(Ticker, Price.Parse("0.53"), Quantity.Of(600), Side.No, EngineHarness.Start.AddMinutes(-30)));
        await desk.Get<TradingCycle>().RunAsync();
        Guid id;
        decimal contracts;
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            var proposal = await context.Proposals.SingleAsync();
            (id, contracts) = (proposal.Id, proposal.Contracts);
        }

        var approved = await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        exchange.Set(new MarketBuilder().Quote(0.51m, 0.53m).Last(0.53m).Build(), depth: 500m);
        desk.Time.Advance(TimeSpan.FromMinutes(1));

        await desk.Get<TradingCycle>().RunAsync();

        Assert.StartsWith("resting: ", approved.Reason, StringComparison.Ordinal);
        await using var after = await desk.Db.CreateDbContextAsync();
        var order = await after.Orders.SingleAsync();
        Assert.Equal((OrderStatuses.Executed, contracts), (order.Status, order.Filled));
        var position = await after.Positions.SingleAsync();
        Assert.Equal((contracts, contracts * 0.53m, 0m), (position.Contracts, position.Cost, position.FeesPaid));
        Assert.Equal(ProposalStatus.Executed, (await after.Proposals.SingleAsync(p => p.Id == id)).Status);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1000m, account.Cash + position.Cost + position.FeesPaid);
    }

    [Fact]
    public async Task RunAsync_HeldMarketSettledYes_PaysEachContractADollarOnceAndClosesThePosition()
    {
        var exchange = new FakeExchange();
        var market = new MarketBuilder().Last(0.70m).Build();
        exchange.Set(market);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<TradingCycle>().RunAsync();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            var proposal = await context.Proposals.SingleAsync();
            Assert.True((await desk.Get<ProposalService>().ApproveAsync(proposal.Id, "alice")).Succeeded);
        }

        // Bought 44 YES at 0.55 for 24.20 + 0.77. The market closes, resolves YES and settles.
        var settledAt = EngineHarness.Start.AddHours(30);
        exchange.Set(market with { Status = MarketStatus.Finalized, Result = MarketResult.Yes, SettledAt = settledAt, SettlementValue = Price.FromDollars(1m) });
        desk.Time.Advance(TimeSpan.FromHours(31));

        await desk.Get<TradingCycle>().RunAsync();
        await desk.Get<TradingCycle>().RunAsync();

        await using var after = await desk.Db.CreateDbContextAsync();
        var settlement = await after.Settlements.SingleAsync();
        Assert.Equal((Ticker, "yes", settledAt), (settlement.Ticker, settlement.Result, settlement.SettledAt));
        Assert.Equal((44m, 0m, 44m, 24.20m, 0.77m, 19.03m), (settlement.YesCount, settlement.NoCount, settlement.Revenue, settlement.Cost, settlement.Fee, settlement.Pnl));
        var payout = await after.Ledger.SingleAsync(l => l.Kind == "payout");
        Assert.Equal((44m, Ticker), (payout.Amount, payout.Ticker));
        var position = await after.Positions.SingleAsync();
        Assert.Equal((0m, 0m), (position.Contracts, position.Cost));
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1019.03m, account.Cash);
        Assert.Empty(account.Positions);
        Assert.Contains(desk.Events, e => e is PositionsChanged { Ticker: Ticker } changed && changed.At == EngineHarness.Start.AddHours(31));
        Assert.NotNull(settlement.BreakerCountedAt);
    }

    [Fact]
    public async Task SettleAsync_ScalarAndNoResults_PayEachSideItsShareOfTheDollar()
    {
        var exchange = new FakeExchange();
        var scalar = new MarketBuilder().Ticker("KXSCALAR-26NOV24-A").Build() with { Status = MarketStatus.Finalized, Result = MarketResult.Scalar, SettledAt = EngineHarness.Start, SettlementValue = Price.FromDollars(0.3m) };
        var no = new MarketBuilder().Ticker("KXNO-26NOV24-B").Build() with { Status = MarketStatus.Determined, Result = MarketResult.No, SettledAt = EngineHarness.Start };
        var pending = new MarketBuilder().Ticker("KXWAIT-26NOV24-C").Build() with { Status = MarketStatus.Determined, Result = MarketResult.Yes };
        exchange.Set(scalar);
        exchange.Set(no);
        exchange.Set(pending);
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await HoldAsync(desk, scalar.Ticker, "yes", 10m, 5.00m, 0.18m);
        await HoldAsync(desk, no.Ticker, "no", 4m, 2.40m, 0.07m);
        await HoldAsync(desk, pending.Ticker, "yes", 2m, 1.00m, 0.04m);

        var settled = await desk.Get<PaperSettlements>().SettleAsync();
        var again = await desk.Get<PaperSettlements>().SettleAsync();

        Assert.Equal((2, 0), (settled, again));
        await using var context = await desk.Db.CreateDbContextAsync();
        var rows = await context.Settlements.OrderBy(s => s.Ticker).ToListAsync();
        Assert.Equal(["KXNO-26NOV24-B", "KXSCALAR-26NOV24-A"], rows.Select(r => r.Ticker));
        Assert.Equal(("no", 4m, 4m, 1.53m), (rows[0].Result, rows[0].NoCount, rows[0].Revenue, rows[0].Pnl));
        Assert.Equal(("scalar", 10m, 3m, -2.18m), (rows[1].Result, rows[1].YesCount, rows[1].Revenue, rows[1].Pnl));
        // Determined but not yet settled: the position waits.
        Assert.Equal(2m, (await context.Positions.SingleAsync(p => p.Ticker == pending.Ticker)).Contracts);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1000m - 5.18m - 2.47m - 1.04m + 3m + 4m, account.Cash);
    }

    [Fact]
    public async Task RunAsync_SixPaperSettlementsLostInARow_TripsTheLosingStreakBreaker()
    {
        var exchange = new FakeExchange();
        var markets = Enumerable.Range(0, 6).Select(i => new MarketBuilder().Ticker($"KXLOSE{i}-26NOV24-A").Build()).ToList();
        foreach (var market in markets)
        {
            exchange.Set(market);
        }

        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        foreach (var market in markets)
        {
            await HoldAsync(desk, market.Ticker, "yes", 1m, 0.55m, 0.02m);
        }

        var first = await desk.Get<TradingCycle>().RunAsync();
        foreach (var market in markets)
        {
            exchange.Set(market with { Status = MarketStatus.Finalized, Result = MarketResult.No, SettledAt = EngineHarness.Start.AddMinutes(30) });
        }

        desk.Time.Advance(TimeSpan.FromHours(1));
        var second = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(("active", "halted"), (first.TradingState, second.TradingState));
        var state = await desk.Get<RiskReader>().ReadAsync();
        Assert.Equal("losing streak: 6 settlements in a row lost money; the balanced limit is 6; an admin resumes", state.Reason);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(6, await context.Settlements.CountAsync(s => s.Revenue == 0m && s.BreakerCountedAt != null));
        // Money balances: every dollar is in cash, nothing is held.
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1000m - (6 * 0.57m), account.Cash);
        Assert.Empty(account.Positions);
    }

    /// <summary>A paper position bought outright: the ledger pays cost and fee, the position holds the contracts.</summary>
    private static async Task HoldAsync(EngineHarness desk, string ticker, string side, decimal contracts, decimal cost, decimal fee)
    {
        await desk.Get<PaperAccount>().EnsureOpenedAsync();
        await using var context = await desk.Db.CreateDbContextAsync();
        var now = desk.Time.GetUtcNow();
        context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "buy", Amount = -cost, Ticker = ticker, Note = "bought" });
        context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "fee", Amount = -fee, Ticker = ticker, Note = "taker fee" });
        context.Positions.Add(new PositionEntity { Ticker = ticker, EventTicker = ticker[..ticker.LastIndexOf('-')], Title = ticker, Side = side, Contracts = contracts, Cost = cost, FeesPaid = fee, OpenedAt = now, UpdatedAt = now });
        await context.SaveChangesAsync();
    }
}
