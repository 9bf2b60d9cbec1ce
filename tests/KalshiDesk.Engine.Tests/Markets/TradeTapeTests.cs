using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Tests.Markets;

public class TradeTapeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static RecentTrade Trade(string ticker, DateTimeOffset at, decimal price = 0.5m) =>
        new(ticker, Price.FromDollars(price), Quantity.Of(1), Side.Yes, at);

    [Fact]
    public void Between_OutOfOrderPrints_ReturnsTheWindowOldestFirst()
    {
        var tape = new TradeTape();
        tape.Add(Trade("A", Now.AddMinutes(-1), 0.51m));
        tape.Add(Trade("A", Now.AddMinutes(-3), 0.53m));
        tape.Add(Trade("A", Now.AddMinutes(-2), 0.52m));
        tape.Add(Trade("A", Now.AddMinutes(-10), 0.60m));
        tape.Add(Trade("B", Now.AddMinutes(-2), 0.10m));

        var window = tape.Between("A", Now.AddMinutes(-5), Now.AddMinutes(-1));

        Assert.Equal([0.53m, 0.52m, 0.51m], window.Select(t => t.YesPrice.Dollars));
        Assert.Empty(tape.Between("C", Now.AddHours(-1), Now));
    }

    [Fact]
    public void Add_BeyondTheLimits_DropsTheOldest()
    {
        var tape = new TradeTape();
        tape.Add(Trade("A", Now.AddHours(-2)));
        for (var i = 0; i < TradeTape.MaxTradesPerMarket + 10; i++)
        {
            tape.Add(Trade("A", Now.AddSeconds(i)));
        }

        var kept = tape.Between("A", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(TradeTape.MaxTradesPerMarket, kept.Count);
        Assert.Equal(Now.AddSeconds(10), kept[0].ExecutedAt);
    }
}
