using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Engine.Tests.Risk;

public class KillSwitchTests
{
    [Fact]
    public async Task Pull_WithFlattenOnAPaperDeskOverTheSandbox_SellsEveryPositionIntoTheBookAndHalts()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();
        var proposals = desk.Get<ProposalService>();
        foreach (var id in report.ProposalIds)
        {
            Assert.True((await proposals.ApproveAsync(id, "alice")).Succeeded);
        }

        var restingId = Guid.NewGuid();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            // A paper maker order resting in the desk's own book.
            context.Orders.Add(new OrderEntity { Id = restingId, ClientOrderId = "kd-resting-1", Broker = "paper", Ticker = "KX-RESTING", Side = "yes", LimitPrice = 0.40m, Count = 10m, Status = OrderStatuses.Resting, CreatedAt = EngineHarness.Start });
            await context.SaveChangesAsync();
        }

        var before = await desk.Get<PortfolioReader>().ReadAsync();
        var held = before.Positions.Count;
        Assert.True(held >= 2, $"{held} positions");

        // What each position fetches selling into the Sandbox's book now (the world holds still).
        var feed = desk.Get<MarketFeed>();
        var expected = new List<ExitFill>();
        foreach (var position in before.Positions)
        {
            var market = await feed.GetMarketAsync(position.Ticker);
            var book = await feed.GetOrderBookAsync(position.Ticker);
            expected.Add(PositionExit.Sell(book, position.Side == "yes" ? Side.Yes : Side.No, Quantity.Of(position.Contracts), market.Fees));
        }

        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: true);

        var after = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Empty(after.Positions);
        Assert.All(kill.Exits, e => Assert.Equal(e.Contracts, e.Sold));
        Assert.Equal(expected.Sum(e => e.Proceeds.Dollars), kill.Proceeds);
        Assert.Equal(expected.Sum(e => e.Fee.Dollars), kill.Fees);
        Assert.True(kill.Fees > 0m);
        Assert.Equal(before.Cash + kill.Proceeds - kill.Fees, after.Cash);
        Assert.Equal(after.Cash, after.Equity);
        Assert.Equal((1, 0, held), (kill.CancelledOrders, kill.RejectedProposals, kill.Exits.Count));
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            Assert.Equal(OrderStatuses.Canceled, (await context.Orders.SingleAsync(o => o.Id == restingId)).Status);
            Assert.Equal(after.Cash, (await context.Ledger.Select(l => l.Amount).ToListAsync()).Sum());
            Assert.Equal(held, await context.Ledger.CountAsync(l => l.Kind == "sell"));
            var audit = await context.Audit.SingleAsync(a => a.Action == "risk.kill");
            Assert.Equal(("admin", "halted, flattened"), (audit.Actor, audit.NewValue));
            Assert.StartsWith($"1 resting order(s) cancelled, 0 pending proposal(s) rejected, {held} of {held} position(s) sold for ", audit.Details, StringComparison.Ordinal);
        }

        var state = (await desk.Get<RiskMonitor>().ReadAsync())!;
        Assert.Equal((TradingState.Halted, HaltCause.KillSwitch, "kill switch pulled by admin, positions flattened"), (state.State, state.Cause, state.Reason));
        var next = await desk.Get<TradingCycle>().RunAsync();
        Assert.Equal(0, next.Proposed);
        Assert.Equal("halted", next.TradingState);
    }

    [Fact]
    public async Task Pull_WithoutFlatten_KeepsThePositionsAndRejectsWhatIsPending()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var ids = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;
        await desk.Get<ProposalService>().ApproveAsync(ids[0], "alice");

        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: false);

        Assert.Empty(kill.Exits);
        Assert.Equal((0, 1), (kill.CancelledOrders, kill.RejectedProposals));
        Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        Assert.Equal("kill switch pulled by admin", kill.Reason);
        var rejected = (await desk.Get<ProposalService>().GetAsync(ids[1]))!;
        Assert.Equal(("rejected", "admin", "kill switch: the desk is halted"), (rejected.Status, rejected.DecidedBy, rejected.Reason));
    }

    [Fact]
    public async Task Pull_OnALiveDesk_CancelsOnTheExchangeAndSendsImmediateOrCancelSells()
    {
        // 44 YES held (bought at 0.55). The exit buys 44 NO at up to 0.99 (selling YES at any bid of a cent or more);
        // the fake exchange fills it at the limit: YES sold at 0.01 for $0.44, the fee on 0.99 rounded up to $0.04.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var resting = new FakeRestingOrders { Resting = { "ord-9" } };
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true, services: s => s.AddSingleton<IExchangeRestingOrders>(resting));
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        Assert.True((await desk.Get<ProposalService>().ApproveAsync(id, "alice")).Succeeded);
        var cash = (await desk.Get<PortfolioReader>().ReadAsync()).Cash;

        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: true);

        var exit = exchange.Orders[^1];
        Assert.Equal(("KXHIGHNY-26NOV24-T60", Side.No, 0.99m, 44m, TimeInForce.ImmediateOrCancel), (exit.Ticker, exit.Side, exit.LimitPrice.Dollars, exit.Count.Contracts, exit.TimeInForce));
        Assert.StartsWith("kd-exit-", exit.ClientOrderId, StringComparison.Ordinal);
        Assert.Equal(["ord-9"], resting.Cancelled);
        Assert.Equal(1, kill.CancelledOrders);
        var sold = Assert.Single(kill.Exits);
        Assert.Equal((44m, 44m, 0.01m, 0.44m, 0.04m, (string?)null), (sold.Contracts, sold.Sold, sold.AveragePrice, sold.Proceeds, sold.Fee, sold.Error));
        var after = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Empty(after.Positions);
        Assert.Equal(cash + 0.44m - 0.04m, after.Cash);
        await using var context = await desk.Db.CreateDbContextAsync();
        var order = await context.Orders.SingleAsync(o => o.ClientOrderId == exit.ClientOrderId);
        Assert.Equal(("live", "no", OrderStatuses.Executed, 44m), (order.Broker, order.Side, order.Status, order.Filled));
        var fill = await context.Fills.SingleAsync(f => f.OrderId == order.Id);
        Assert.Equal(("no", 0.99m, 44m, 0.04m), (fill.Side, fill.Price, fill.Count, fill.Fee));
    }

    [Fact]
    public async Task Pull_LiveExitWithoutAnAnswer_IsLeftForReconciliation()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true, services: s => s.AddSingleton<IExchangeRestingOrders>(new FakeRestingOrders()));
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        exchange.OrderFailure = new HttpRequestException("Connection reset by peer");

        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: true);

        var exit = Assert.Single(kill.Exits);
        Assert.Equal(0m, exit.Sold);
        Assert.Equal("the outcome of the exit order is unknown until reconciliation settles it (Connection reset by peer)", exit.Error);
        Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Unknown, (await context.Orders.SingleAsync(o => o.ClientOrderId.StartsWith("kd-exit-"))).Status);
    }

    [Fact]
    public async Task Pull_PaperBidRestingForAnApprovedProposal_CancelsItAndTheProposalFails()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            // As the maker route leaves it: approved, its bid resting in the paper book.
            await context.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Approved));
            context.Orders.Add(new OrderEntity { Id = Guid.NewGuid(), ProposalId = id, ClientOrderId = "kd-" + id.ToString("N"), Broker = "paper", Ticker = "KXHIGHNY-26NOV24-T60", Side = "yes", LimitPrice = 0.53m, Count = 44m, Status = OrderStatuses.Resting, CreatedAt = EngineHarness.Start });
            await context.SaveChangesAsync();
        }

        var kill = await desk.Get<KillSwitch>().PullAsync("admin", flatten: false);

        Assert.Equal(1, kill.CancelledOrders);
        var proposal = (await desk.Get<ProposalService>().GetAsync(id))!;
        Assert.Equal(("failed", "the resting bid at 0.5300 was cancelled when the desk halted, with nothing filled"), (proposal.Status, proposal.Reason));
        await using var after = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Canceled, (await after.Orders.SingleAsync()).Status);
    }
}
