using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Domain.Tests.Risk;

public class PositionExitTests
{
    private static readonly OrderBook Book = new(
        [new(Price.Parse("0.50"), Quantity.Of(10)), new(Price.Parse("0.48"), Quantity.Of(20))],
        [new(Price.Parse("0.47"), Quantity.Of(15))]);

    [Fact]
    public void Sell_YesAcrossTwoBids_SellsBestFirstAndRoundsTheFeeOnce()
    {
        // 10 at 0.50 + 15 at 0.48 = 5.00 + 7.20 = 12.20; fee 10×0.07×0.50×0.50 + 15×0.07×0.48×0.52 = 0.175 + 0.26208 → 0.44.
        var exit = PositionExit.Sell(Book, Side.Yes, Quantity.Of(25), FeeSchedule.Standard);

        Assert.Equal((25m, 0.488m, 12.20m, 0.44m, 11.76m), (exit.Sold.Contracts, exit.AveragePrice!.Value.Dollars, exit.Proceeds.Dollars, exit.Fee.Dollars, exit.Net.Dollars));
    }

    [Fact]
    public void Sell_NoIntoTheNoBids_SellsWhatTheBookTakes()
    {
        // 15 NO bid at 0.47: 15 of 40 sold for 7.05; fee 15×0.07×0.47×0.53 = 0.261555 → 0.27.
        var exit = PositionExit.Sell(Book, Side.No, Quantity.Of(40), FeeSchedule.Standard);

        Assert.Equal((15m, 7.05m, 0.27m), (exit.Sold.Contracts, exit.Proceeds.Dollars, exit.Fee.Dollars));
    }

    [Fact]
    public void Sell_NoBidsAtOrAboveTheFloor_SellsNothing()
    {
        var exit = PositionExit.Sell(Book, Side.Yes, Quantity.Of(5), FeeSchedule.Standard, Price.Parse("0.51"));

        Assert.Equal(new ExitFill(Quantity.Zero, null, Money.Zero, Money.Zero), exit);
    }

    [Property(MaxTest = 300)]
    public Property Sell_AnyBook_NeverSellsMoreThanHeldNorAboveTheBestBid(byte[] sizes, byte held)
    {
        var levels = sizes.Take(8).Select((s, i) => new BookLevel(Price.FromDollars((90 - i * 7) / 100m), Quantity.Of(s % 40))).ToList();
        var book = new OrderBook(levels, []);
        var count = Quantity.Of(held % 100 + 1);

        var exit = PositionExit.Sell(book, Side.Yes, count, FeeSchedule.Standard);

        var best = book.BestYesBid?.Dollars ?? 0m;
        return (exit.Sold <= count && exit.Proceeds.Dollars <= exit.Sold.Contracts * best && exit.Fee.Dollars >= 0m && exit.Net.Dollars <= exit.Proceeds.Dollars)
            .Label($"sold {exit.Sold} of {count} for {exit.Proceeds} (fee {exit.Fee}), best bid {best}");
    }
}
