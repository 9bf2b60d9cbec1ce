using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Modes;

/// <summary>
/// The desk's broker follows the stored mode order by order (configuration allowing live trading), and an order goes where
/// its record says.
/// </summary>
public class ModeRoutedBrokerTests
{
    private static OrderRequest Order(string clientOrderId) =>
        new("KXHIGHNY-26NOV24-T60", clientOrderId, Side.Yes, Price.FromDollars(0.60m), Quantity.Of(5m), TimeInForce.ImmediateOrCancel);

    private static async Task SetLiveAsync(EngineHarness desk)
    {
        await using var context = await desk.Db.CreateDbContextAsync();
        context.DeskMode.Add(new DeskModeEntity { Mode = "live", ChangedAt = EngineHarness.Start, ChangedBy = "ada", Version = 1 });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task ExecuteAsync_PaperThenLive_GoesToThePaperBookThenToTheExchange()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, settings: new() { ["Trading:Mode"] = "Live" });
        var broker = desk.Get<IBroker>();

        var paper = await broker.ExecuteAsync(Order("kd-1"), FeeSchedule.Standard);
        await SetLiveAsync(desk);
        var live = await broker.ExecuteAsync(Order("kd-2"), FeeSchedule.Standard);

        Assert.Equal("paper-kd-1", paper.ExchangeOrderId);
        Assert.Equal(Quantity.Of(5m), paper.Filled);
        var sent = Assert.Single(exchange.Orders);
        Assert.Equal(("kd-2", "og-1"), (sent.ClientOrderId, sent.OrderGroupId));
        Assert.NotEqual("paper-kd-2", live.ExchangeOrderId);
    }

    [Fact]
    public async Task ExecuteAsync_ModeSwitchedAfterTheNameWasRecorded_GoesWhereTheRecordSays()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, settings: new() { ["Trading:Mode"] = "Live" });
        var broker = desk.Get<IBroker>();

        var recordedAs = broker.Name;
        await SetLiveAsync(desk);
        var result = await broker.ExecuteAsync(Order("kd-1"), FeeSchedule.Standard);

        Assert.Equal("paper", recordedAs);
        Assert.Equal("paper-kd-1", result.ExchangeOrderId);
        Assert.Empty(exchange.Orders);
        Assert.Equal("live", broker.Name);
    }
}
