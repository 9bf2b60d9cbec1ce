using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Portfolio;

public class TradeHistoryTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";
    private const string Title = "Will the high temperature in NYC be above 60°F on Nov 24, 2026?";

    [Fact]
    public async Task Read_BuyThenKillSwitchExit_ShowsTheBuyAndTheExitAsASellOfTheSideHeld()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<TradingCycle>().RunAsync();
        Guid proposalId;
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            proposalId = (await context.Proposals.SingleAsync()).Id;
        }

        Assert.True((await desk.Get<ProposalService>().ApproveAsync(proposalId, "alice")).Succeeded);
        desk.Time.Advance(TimeSpan.FromMinutes(5));
        await desk.Get<KillSwitch>().PullAsync("admin", flatten: true);
        var history = desk.Get<TradeHistory>();

        var orders = await history.ReadOrdersAsync(new TradeQuery());
        var fills = await history.ReadFillsAsync(new TradeQuery(Ticker));

        Assert.Equal(2, orders.Total);
        var (exit, buy) = (orders.Orders[0], orders.Orders[1]);
        Assert.Equal(
            (proposalId, "kd-" + proposalId.ToString("N"), Ticker, Title, "yes", "buy", 0.55m, 44m, 44m, (decimal?)0.55m, 0.77m, OrderStatuses.Executed, "paper", EngineHarness.Start),
            (buy.ProposalId!.Value, buy.ClientOrderId, buy.Ticker, buy.Title, buy.Side, buy.Action, buy.Price, buy.Count, buy.Filled, buy.AveragePrice, buy.Fee, buy.Status, buy.Broker, buy.CreatedAt));
        // Stored as Kalshi nets it (NO bought at 0.99 or better, filled at 0.47), shown as the sale of YES at 0.53.
        Assert.StartsWith(KillSwitch.ExitOrderPrefix, exit.ClientOrderId, StringComparison.Ordinal);
        Assert.Equal(
            ((Guid?)null, Title, "yes", "sell", 0.01m, 44m, (decimal?)0.53m, 0.77m, OrderStatuses.Executed, EngineHarness.Start.AddMinutes(5)),
            (exit.ProposalId, exit.Title, exit.Side, exit.Action, exit.Price, exit.Filled, exit.AveragePrice, exit.Fee, exit.Status, exit.LastFillAt));
        Assert.Equal(
            [("sell", "yes", 0.53m, 44m, 23.32m, 0.77m, "taker"), ("buy", "yes", 0.55m, 44m, 24.20m, 0.77m, "taker")],
            fills.Fills.Select(f => (f.Action, f.Side, f.Price, f.Count, f.Value, f.Fee, f.Liquidity)));
        Assert.Equal([exit.Id, buy.Id], fills.Fills.Select(f => f.OrderId));
        Assert.Equal([exit.ClientOrderId, buy.ClientOrderId], fills.Fills.Select(f => f.ClientOrderId));
    }

    [Fact]
    public async Task Read_ATickerAndAPage_NewestFirstWithTheTotal()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            for (var i = 0; i < 5; i++)
            {
                var ticker = i % 2 == 0 ? "KXA-1" : "KXB-1";
                context.Orders.Add(new OrderEntity { Id = Guid.NewGuid(), ClientOrderId = $"kd-{i}", Broker = "paper", Ticker = ticker, Side = "no", LimitPrice = 0.4m, Count = 1m, Status = OrderStatuses.Canceled, CreatedAt = EngineHarness.Start.AddMinutes(i) });
                context.Settlements.Add(new SettlementEntity { Id = Guid.NewGuid(), Ticker = $"KXS-{i}", EventTicker = "KXS", Result = "no", SettledAt = EngineHarness.Start.AddHours(i), Revenue = i, Cost = 1m, Fee = 0.02m, NoCount = i });
            }

            await context.SaveChangesAsync();
        }

        var history = desk.Get<TradeHistory>();

        var page = await history.ReadOrdersAsync(new TradeQuery("KXA-1", Offset: 1, Limit: 1));
        var all = await history.ReadOrdersAsync(new TradeQuery(Limit: null));
        var settlements = await history.ReadSettlementsAsync(new TradeQuery(Offset: 3));

        Assert.Equal((3, 1, (int?)1), (page.Total, page.Offset, page.Limit));
        Assert.Equal(["kd-2"], page.Orders.Select(o => o.ClientOrderId));
        Assert.Equal(["kd-4", "kd-3", "kd-2", "kd-1", "kd-0"], all.Orders.Select(o => o.ClientOrderId));
        Assert.Equal([("KXS-1", 1m, -0.02m), ("KXS-0", 0m, -1.02m)], settlements.Settlements.Select(s => (s.Ticker, s.Revenue, s.Pnl)));
    }
}
