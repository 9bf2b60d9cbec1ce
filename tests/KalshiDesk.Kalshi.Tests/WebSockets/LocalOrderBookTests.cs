using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.WebSockets;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

public class LocalOrderBookTests
{
    [Fact]
    public void TryApplyDelta_AddsToTheLevelAndRemovesItAtZero()
    {
        var book = new LocalOrderBook("M-1");
        book.ApplySnapshot([Level("0.40", "10")], [Level("0.55", "4")]);

        Assert.True(book.TryApplyDelta(Side.Yes, Price.Parse("0.400"), 2.5m));
        Assert.True(book.TryApplyDelta(Side.No, Price.Parse("0.5500"), -4m));
        Assert.True(book.TryApplyDelta(Side.No, Price.Parse("0.5000"), 3m));

        var snapshot = book.ToOrderBook();
        Assert.Equal([Level("0.40", "12.50")], snapshot.YesBids);
        Assert.Equal([Level("0.50", "3")], snapshot.NoBids);
        Assert.Equal(0.50m, snapshot.YesAsk!.Value.Dollars);
    }

    [Fact]
    public void TryApplyDelta_BelowZero_RefusesAndLeavesTheBookUnchanged()
    {
        var book = new LocalOrderBook("M-1");
        book.ApplySnapshot([Level("0.40", "10")], []);

        Assert.False(book.TryApplyDelta(Side.Yes, Price.Parse("0.40"), -10.01m));
        Assert.False(book.TryApplyDelta(Side.No, Price.Parse("0.30"), -1m));

        Assert.Equal([Level("0.40", "10")], book.ToOrderBook().YesBids);
        Assert.Empty(book.ToOrderBook().NoBids);
    }

    [Fact]
    public void ApplySnapshot_ReplacesEverything()
    {
        var book = new LocalOrderBook("M-1");
        book.ApplySnapshot([Level("0.40", "10")], [Level("0.55", "4")]);

        book.ApplySnapshot([Level("0.10", "1")], []);

        Assert.Equal([Level("0.10", "1")], book.ToOrderBook().YesBids);
        Assert.Empty(book.ToOrderBook().NoBids);
    }

    private static BookLevel Level(string price, string size) => new(Price.Parse(price), Quantity.Parse(size));
}
