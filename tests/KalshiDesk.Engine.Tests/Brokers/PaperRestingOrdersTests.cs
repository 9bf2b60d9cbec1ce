using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Brokers;

public class PaperRestingOrdersTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";

    /// <summary>A 53/55 market on a series that charges makers (a quarter of the taker rate).</summary>
    private static FakeExchange Exchange()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Build());
        exchange.Series["KXHIGHNY"] = new SeriesInfo("KXHIGHNY", "Highest temperature in NYC", "weather", new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m));
        return exchange;
    }

    /// <summary>
    /// A maker-route proposal as the cycle makes one: buy 46 YES resting at 0.53, p 0.70. Maker fee 46 × 0.0175 × 0.53 ×
    /// 0.47 = 0.2005 → 0.21; outlay 24.38 + 0.21 = 24.59, within the balanced preset's $25.
    /// </summary>
    private static async Task<Guid> ProposeMakerAsync(EngineHarness desk)
    {
        var id = Guid.CreateVersion7(EngineHarness.Start);
        await using var context = await desk.Db.CreateDbContextAsync();
        context.Proposals.Add(new ProposalEntity
        {
            Id = id,
            CycleId = Guid.CreateVersion7(EngineHarness.Start),
            CreatedAt = EngineHarness.Start,
            ExpiresAt = EngineHarness.Start.AddMinutes(10),
            Ticker = Ticker,
            EventTicker = "KXHIGHNY-26NOV24",
            Title = "NYC above 60°F",
            Side = "yes",
            ProbabilityYes = 0.70,
            Price = 0.53m,
            Contracts = 46m,
            Cost = 24.38m,
            Fee = 0.21m,
            FeePerContract = 0.004359m,
            Edge = 0.165641,
            KellyFraction = 0.3557,
            Preset = "balanced",
            Route = ProposalService.MakerRoute,
            FillProbability = 0.8,
            Status = ProposalStatus.Pending,
            ClientOrderId = "kd-" + id.ToString("N"),
        });
        await context.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task Approve_MakerRoute_RestsTheBidAndMovesNoCash()
    {
        await using var desk = await EngineHarness.WithFakeAsync(Exchange());
        var id = await ProposeMakerAsync(desk);

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(ProposalStatus.Approved, result.Status);
        Assert.Equal("resting: 46.00 at 0.5300 until 2026-11-23 15:15 UTC (0.00 filled at once)", result.Reason);
        Assert.Equal(("maker", 0.8), (result.Proposal!.Route, result.Proposal.FillProbability));
        await using var context = await desk.Db.CreateDbContextAsync();
        var order = await context.Orders.SingleAsync();
        Assert.Equal((OrderStatuses.Resting, 0m, 46m, 0.53m), (order.Status, order.Filled, order.Count, order.LimitPrice));
        Assert.Equal(EngineHarness.Start.AddMinutes(15), order.ExpiresAt);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1000m, account.Cash);
        Assert.Empty(account.Positions);
    }

    [Fact]
    public async Task SweepAsync_MarketComesDownToTheBid_FillsAtTheLimitWithTheMakerFeeAndBalancesTheLedger()
    {
        var exchange = Exchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var id = await ProposeMakerAsync(desk);
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        var resting = desk.Get<PaperRestingOrders>();

        var untouched = await resting.SweepAsync();
        exchange.Set(new MarketBuilder().Quote(0.51m, 0.53m).Build());
        var filled = await resting.SweepAsync();

        Assert.Equal((0, 1), (untouched, filled));
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        var position = Assert.Single(account.Positions);
        Assert.Equal((46m, 24.38m, 0.21m, 0.53m), (position.Contracts, position.Cost, position.FeesPaid, position.AveragePrice));
        Assert.Equal(975.41m, account.Cash);
        Assert.Equal(1000m, account.Cash + position.Cost + position.FeesPaid);
        await using var context = await desk.Db.CreateDbContextAsync();
        var fill = await context.Fills.SingleAsync();
        Assert.Equal((0.53m, 46m, 0.21m, false), (fill.Price, fill.Count, fill.Fee, fill.IsTaker));
        var order = await context.Orders.SingleAsync();
        Assert.Equal((OrderStatuses.Executed, 46m), (order.Status, order.Filled));
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal((ProposalStatus.Executed, (string?)null), (proposal.Status, proposal.Reason));
        Assert.Equal(["maker fee"], await context.Ledger.Where(l => l.Kind == "fee").Select(l => l.Note).ToListAsync());
        Assert.Contains(desk.Events, e => e is ProposalChanged { Status: ProposalStatus.Executed } changed && changed.ProposalId == id);
        Assert.Contains(desk.Events, e => e is PositionsChanged { Ticker: Ticker });
    }

    [Fact]
    public async Task Approve_BookAlreadyAtTheBid_TakesWhatIsOfferedAndRestsTheRestThenFillsItAsMaker()
    {
        // 10 YES offered at 0.53 when approved: taken at once as a taker (fee 10 × 0.017493 = 0.17493 → 0.18); the other
        // 36 rest and fill later as maker (36 × 0.0175 × 0.2491 = 0.156933 → 0.16).
        var exchange = Exchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var id = await ProposeMakerAsync(desk);
        exchange.Set(new MarketBuilder().Quote(0.50m, 0.53m).Build(), depth: 10m);

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            Assert.Equal("resting: 36.00 at 0.5300 until 2026-11-23 15:15 UTC (10.00 filled at once)", result.Reason);
            var order = await context.Orders.SingleAsync();
            Assert.Equal((OrderStatuses.Resting, 10m), (order.Status, order.Filled));
        }

        Assert.Equal(1, await desk.Get<PaperRestingOrders>().SweepAsync());

        var account = await desk.Get<PortfolioReader>().ReadAsync();
        var position = Assert.Single(account.Positions);
        Assert.Equal((46m, 24.38m, 0.34m), (position.Contracts, position.Cost, position.FeesPaid));
        Assert.Equal(1000m, account.Cash + position.Cost + position.FeesPaid);
        await using var after = await desk.Db.CreateDbContextAsync();
        var fills = await after.Fills.OrderBy(f => f.CreatedAt).ThenBy(f => f.IsTaker).ToListAsync();
        Assert.Equal([(10m, 0.18m, true), (36m, 0.16m, false)], fills.OrderByDescending(f => f.IsTaker).Select(f => (f.Count, f.Fee, f.IsTaker)));
        Assert.Equal(ProposalStatus.Executed, (await after.Proposals.SingleAsync()).Status);
    }

    [Fact]
    public async Task SweepAsync_AfterTheExpiry_CancelsTheBidAndFailsTheProposal()
    {
        await using var desk = await EngineHarness.WithFakeAsync(Exchange());
        var id = await ProposeMakerAsync(desk);
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        var resting = desk.Get<PaperRestingOrders>();

        desk.Time.Advance(TimeSpan.FromMinutes(14));
        var early = await resting.SweepAsync();
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = await resting.SweepAsync();

        Assert.Equal((0, 1), (early, expired));
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Canceled, (await context.Orders.SingleAsync()).Status);
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal((ProposalStatus.Failed, "the resting bid at 0.5300 expired with nothing filled"), (proposal.Status, proposal.Reason));
        Assert.Equal(1000m, (await desk.Get<PortfolioReader>().ReadAsync()).Cash);
        Assert.Equal(0, await context.Fills.CountAsync());
    }

    [Fact]
    public async Task SweepAsync_MarketStopsTrading_CancelsTheBid()
    {
        var exchange = Exchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var id = await ProposeMakerAsync(desk);
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        var closed = new MarketBuilder().Quote(0.40m, 0.45m).Status(MarketStatus.Closed).Build();

        Assert.Equal(1, await desk.Get<PaperRestingOrders>().SweepAsync([closed]));

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal((ProposalStatus.Failed, "the resting bid at 0.5300 was cancelled: the market is closed with nothing filled"), (proposal.Status, proposal.Reason));
        Assert.Equal(0, await context.Fills.CountAsync());
    }

    [Fact]
    public async Task Approve_MakerRouteLive_PostsAPostOnlyLimitWithItsExpiry()
    {
        var exchange = Exchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true);
        var id = await ProposeMakerAsync(desk);

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        var sent = Assert.Single(exchange.Orders);
        Assert.Equal((TimeInForce.GoodTillCanceled, true, 0.53m, 46m), (sent.TimeInForce, sent.PostOnly, sent.LimitPrice.Dollars, sent.Count.Contracts));
        Assert.Equal(EngineHarness.Start.AddMinutes(15), sent.ExpiresAt);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Resting, (await context.Orders.SingleAsync()).Status);
        Assert.Equal(ProposalStatus.Approved, (await context.Proposals.SingleAsync()).Status);
    }

    [Fact]
    public async Task Approve_MakerRouteWhoseEdgeIsGone_Fails()
    {
        // The estimate behind the bid no longer clears 0.03 once the maker fee is paid: 0.56 − 0.53436 = 0.0256.
        await using var desk = await EngineHarness.WithFakeAsync(Exchange());
        var id = await ProposeMakerAsync(desk);
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            await context.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProbabilityYes, 0.56));
        }

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Equal("edge gone: resting at 0.5300 the edge is now 0.0256, below the balanced minimum 0.03", result.Reason);
    }
}
