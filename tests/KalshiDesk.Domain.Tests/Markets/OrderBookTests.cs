using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Markets;

public class OrderBookTests
{
    // The documented example: YES bids up to 0.42, NO bids up to 0.56 → YES ask 0.44.
    private static readonly OrderBook Book = new(
        [new(Price.Parse("0.01"), Quantity.Of(200)), new(Price.Parse("0.15"), Quantity.Of(100)), new(Price.Parse("0.42"), Quantity.Of(13))],
        [new(Price.Parse("0.01"), Quantity.Of(100)), new(Price.Parse("0.45"), Quantity.Of(20)), new(Price.Parse("0.56"), Quantity.Of(17))]);

    [Fact]
    public void Asks_DeriveFromTheOtherSidesBids()
    {
        Assert.Equal(0.42m, Book.BestYesBid!.Value.Dollars);
        Assert.Equal(0.44m, Book.YesAsk!.Value.Dollars);
        Assert.Equal(0.58m, Book.NoAsk!.Value.Dollars);
    }

    [Fact]
    public void AsksFor_Yes_AreCheapestFirstInYesPrices()
    {
        Assert.Equal([(0.44m, 17m), (0.55m, 20m), (0.99m, 100m)], Book.AsksFor(Side.Yes).Select(l => (l.Price.Dollars, l.Size.Contracts)));
    }

    [Fact]
    public void DepthAtOrBetter_SumsLevelsUpToTheLimit()
    {
        Assert.Equal(37m, Book.DepthAtOrBetter(Side.Yes, Price.Parse("0.55")).Contracts);
        Assert.Equal(0m, Book.DepthAtOrBetter(Side.Yes, Price.Parse("0.43")).Contracts);
    }
}
