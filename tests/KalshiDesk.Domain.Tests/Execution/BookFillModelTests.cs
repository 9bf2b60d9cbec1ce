using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Execution;

public class BookFillModelTests
{
    private static readonly OrderBook Book = new(
        [new(Price.Parse("0.42"), Quantity.Of(13))],
        [new(Price.Parse("0.45"), Quantity.Of(20)), new(Price.Parse("0.56"), Quantity.Of(17))]);

    [Fact]
    public void Take_AcrossTwoLevels_AveragesPriceAndRoundsTheFeeOnce()
    {
        // 17 at 0.44 + 8 at 0.55 = 7.48 + 4.40 = 11.88 for 25; fee 17×0.07×0.44×0.56 + 8×0.07×0.55×0.45 = 0.293216 + 0.1386 = 0.431816 → 0.44
        var fill = BookFillModel.Take(Book, Side.Yes, Price.Parse("0.55"), Quantity.Of(25), FeeSchedule.Standard);

        Assert.Equal(25m, fill.Filled.Contracts);
        Assert.Equal(11.88m, fill.Cost.Dollars);
        Assert.Equal(0.4752m, fill.AveragePrice!.Value.Dollars);
        Assert.Equal(0.44m, fill.Fee.Dollars);
    }

    [Fact]
    public void Take_LimitBelowTheAsk_FillsNothing()
    {
        Assert.Same(BookFill.None, BookFillModel.Take(Book, Side.Yes, Price.Parse("0.43"), Quantity.Of(5), FeeSchedule.Standard));
    }

    [Fact]
    public void Take_FillOrKillBeyondDepth_FillsNothing()
    {
        Assert.Same(BookFill.None, BookFillModel.Take(Book, Side.Yes, Price.Parse("0.55"), Quantity.Of(40), FeeSchedule.Standard, allOrNothing: true));
    }

    [Fact]
    public void Take_ImmediateOrCancelBeyondDepth_FillsWhatIsThere()
    {
        var fill = BookFillModel.Take(Book, Side.No, Price.Parse("0.60"), Quantity.Of(40), FeeSchedule.Standard);

        Assert.Equal(13m, fill.Filled.Contracts);
        Assert.Equal(0.58m, fill.AveragePrice!.Value.Dollars);
    }
}
