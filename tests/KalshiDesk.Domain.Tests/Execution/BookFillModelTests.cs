using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Fact]
    public void Take_CentiCentRounding_ChargesTheOrdersRawFeeUpTo0_0001()
    {
        var fill = BookFillModel.Take(Book, Side.Yes, Price.Parse("0.55"), Quantity.Of(25), FeeSchedule.Standard with { Rounding = FeeRounding.CentiCent });

        Assert.Equal(0.4319m, fill.Fee.Dollars);
    }

    [Fact]
    public void AskLadder_ForYes_ReadsTheNoBidsAsYesOffersCheapestFirst()
    {
        var asks = AskLadder.For(Book, Side.Yes);

        Assert.Equal(2, asks.Count);
        Assert.Equal(new BookLevel(Price.Parse("0.44"), Quantity.Of(17)), asks[0]);
        Assert.Equal(new BookLevel(Price.Parse("0.55"), Quantity.Of(20)), asks[1]);
        Assert.Equal(Price.Parse("0.44"), asks.Best);
        Assert.False(asks.IsUnbounded);
    }

    [Property]
    public Property Take_MoreContracts_NeverLowersTheAveragePrice(byte[] sizes, byte smaller, byte extra)
    {
        // The book is walked cheapest first, so every extra contract costs at least as much as any before it.
        var book = BookOf(sizes);
        var small = Take(book, smaller % 60 + 1);
        var large = Take(book, smaller % 60 + 1 + (extra % 60));

        return (small.Filled.IsZero || large.AveragePrice >= small.AveragePrice)
            .Label($"{small.AveragePrice} for {small.Filled}, {large.AveragePrice} for {large.Filled}");
    }

    [Property]
    public Property Take_DeeperBook_NeverGivesAWorseAveragePriceForTheSameFill(byte[] sizes, byte[] more, byte count)
    {
        // Adding offers to a book (more contracts at a level, or new levels) can only make the cheapest n contracts cheaper.
        var shallow = BookOf(sizes);
        var deeper = BookOf(sizes.Zip(more.Concat(Enumerable.Repeat((byte)0, sizes.Length)), (a, b) => (byte)Math.Min(a + (b % 50), 255)).Concat(more).ToArray());
        var wanted = count % 80 + 1;
        var fromShallow = Take(shallow, wanted);
        var fromDeeper = Take(deeper, wanted);

        return (fromShallow.Filled.Contracts < wanted || (fromDeeper.Filled.Contracts == wanted && fromDeeper.Cost <= fromShallow.Cost))
            .Label($"shallow {fromShallow}, deeper {fromDeeper}");
    }

    [Property]
    public Property Take_AveragePrice_IsBetweenTheBestOfferAndTheLimit(byte[] sizes, byte count, byte limitCents)
    {
        var book = BookOf(sizes);
        var limit = Price.FromDollars(Math.Clamp(limitCents % 100, 1, 99) / 100m);
        var fill = BookFillModel.Take(book, Side.Yes, limit, Quantity.Of(count % 80 + 1), FeeSchedule.Standard);

        return (fill.Filled.IsZero || (fill.AveragePrice >= book.YesAsk && fill.AveragePrice <= limit && fill.Fee.Dollars >= 0m))
            .Label(fill.ToString());
    }

    /// <summary>NO bids at 0.60, 0.59, 0.58, …: YES offers at 0.40, 0.41, 0.42, … with the given sizes (zeros dropped).</summary>
    private static OrderBook BookOf(byte[] sizes) =>
        new([], sizes.Take(40).Select((size, i) => new BookLevel(Price.FromDollars(0.60m - (i / 100m)), Quantity.Of(size))));

    private static BookFill Take(OrderBook book, int count) =>
        BookFillModel.Take(book, Side.Yes, Price.FromDollars(0.99m), Quantity.Of(count), FeeSchedule.Standard);
}
