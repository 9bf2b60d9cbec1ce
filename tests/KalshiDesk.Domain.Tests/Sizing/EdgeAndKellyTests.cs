using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Tests.Sizing;

public class EdgeAndKellyTests
{
    [Fact]
    public void Edge_YesAt55WithP70_IsNetOfFee()
    {
        // 0.70 − 0.55 − 0.07 × 0.55 × 0.45 = 0.70 − 0.55 − 0.017325 = 0.132675
        var edge = EdgeModel.Edge(Probability.Of(0.70), Price.Parse("0.55"), FeeSchedule.Standard);

        Assert.Equal(0.132675, edge, 9);
    }

    [Fact]
    public void FullKelly_YesAt55WithP70_Is0_3066()
    {
        var kelly = KellySizer.FullKelly(Probability.Of(0.70), EdgeModel.AllInCost(Price.Parse("0.55"), FeeSchedule.Standard));

        // (0.70 − 0.567325) / (1 − 0.567325)
        Assert.Equal(0.306639, kelly, 6);
    }

    [Fact]
    public void Size_BalancedPresetExample_CapsAt44ContractsCosting24_20Plus0_77()
    {
        var balanced = RiskPresets.Balanced;
        var equity = new Money(1000m);

        var result = KellySizer.Size(new SizingRequest(
            Probability.Of(0.70), Price.Parse("0.55"), FeeSchedule.Standard, balanced.KellyMultiplier, equity, equity * balanced.MaxSingleTrade, equity, null, false));

        Assert.Equal(44m, result.Contracts.Contracts);
        Assert.Equal(24.20m, result.Cost.Dollars);
        Assert.Equal(0.77m, result.Fee.Dollars);
        Assert.Equal(SizingLimit.MaxSingleTrade, result.LimitedBy);
    }

    [Fact]
    public void Size_SmallEdge_IsBoundByFractionalKelly()
    {
        // q 0.60 at 0.55: c = 0.567325, f* = 0.032675/0.432675 = 0.07552; half Kelly of $1,000 = $37.76 > the $25 cap,
        // so with a 10% cap Kelly binds: 37.76 / 0.567325 → 66 contracts (66 × 0.55 = 36.30 + fee 1.15 = 37.45).
        var equity = new Money(1000m);
        var result = KellySizer.Size(new SizingRequest(Probability.Of(0.60), Price.Parse("0.55"), FeeSchedule.Standard, 0.5m, equity, new Money(100m), equity, null, false));

        Assert.Equal(SizingLimit.Kelly, result.LimitedBy);
        Assert.Equal(66m, result.Contracts.Contracts);
        Assert.Equal(36.30m, result.Cost.Dollars);
        Assert.Equal(1.15m, result.Fee.Dollars);
    }

    [Fact]
    public void Size_DepthShallowerThanStake_TakesOnlyTheDepth()
    {
        var equity = new Money(1000m);
        var result = KellySizer.Size(new SizingRequest(Probability.Of(0.70), Price.Parse("0.55"), FeeSchedule.Standard, 0.5m, equity, new Money(25m), equity, Quantity.Of(12m), false));

        Assert.Equal(12m, result.Contracts.Contracts);
        Assert.Equal(SizingLimit.Depth, result.LimitedBy);
    }

    [Fact]
    public void Size_FractionalMarket_UsesHundredthsOfAContract()
    {
        var result = KellySizer.ContractsWithin(new Money(1m), Price.Parse("0.55"), FeeSchedule.Standard, fractional: true);

        // 1.74 × 0.55 = 0.957 + fee ceil(0.0301) = 0.04 → 0.997 fits; 1.75 → 0.9625 + 0.04 = 1.0025 does not.
        var outlay = (result.Contracts * 0.55m) + KalshiFeeModel.TakerFee(Price.Parse("0.55"), result, FeeSchedule.Standard).Dollars;
        var next = Quantity.Of(result.Contracts + 0.01m);
        var nextOutlay = (next.Contracts * 0.55m) + KalshiFeeModel.TakerFee(Price.Parse("0.55"), next, FeeSchedule.Standard).Dollars;
        Assert.True(outlay <= 1m, $"outlay {outlay}");
        Assert.True(nextOutlay > 1m, $"next outlay {nextOutlay}");
        Assert.Equal(1.74m, result.Contracts);
    }

    [Fact]
    public void Size_NoEdge_StakesNothing()
    {
        var equity = new Money(1000m);
        var result = KellySizer.Size(new SizingRequest(Probability.Of(0.55), Price.Parse("0.55"), FeeSchedule.Standard, 0.5m, equity, new Money(25m), equity, null, false));

        Assert.True(result.Contracts.IsZero);
        Assert.Equal(0d, result.KellyFraction);
        Assert.Equal(SizingLimit.NoEdge, result.LimitedBy);
    }

    [Property]
    public Property Size_NeverExceedsAnyCapNorStakesWithoutEdge(byte probabilityCents, byte priceCents, ushort capDollars, ushort cashDollars)
    {
        var q = Math.Clamp(probabilityCents % 101, 1, 99) / 100d;
        var price = Price.FromDollars(Math.Clamp(priceCents % 101, 1, 99) / 100m);
        var cap = new Money(capDollars);
        var cash = new Money(cashDollars);
        var result = KellySizer.Size(new SizingRequest(Probability.Of(q), price, FeeSchedule.Standard, 0.5m, new Money(10_000m), cap, cash, null, false));
        var edge = EdgeModel.Edge(Probability.Of(q), price, FeeSchedule.Standard);

        return (result.Outlay <= cap && result.Outlay <= cash && (edge > 0 || result.Contracts.IsZero))
            .Label($"q {q} price {price} cap {cap} cash {cash}: {result}");
    }

    [Property]
    public Property Size_MoreEdgeNeverGivesASmallerSize(byte priceCents, byte lowCents, byte extraCents)
    {
        var price = Price.FromDollars(Math.Clamp(priceCents % 101, 1, 99) / 100m);
        var low = Math.Clamp(lowCents % 101, 1, 98) / 100d;
        var high = Math.Min(low + ((extraCents % 20) / 100d), 0.99);
        SizingResult Size(double q) => KellySizer.Size(new SizingRequest(Probability.Of(q), price, FeeSchedule.Standard, 0.5m, new Money(1000m), new Money(50m), new Money(1000m), null, false));

        return (Size(high).Contracts >= Size(low).Contracts).Label($"price {price} low {low} high {high}");
    }

    // p 0.70, YES at 0.55 (all-in 0.567325, full Kelly 0.306639), equity $1,000: Kelly × multiplier is far above every
    // preset's single-trade cap, so the cap binds. conservative $10 → 17 (9.35 + 0.30); aggressive $50 → 88 (48.40 + 1.53).
    [Theory]
    [InlineData("conservative", 17, "9.35", "0.30")]
    [InlineData("balanced", 44, "24.20", "0.77")]
    [InlineData("aggressive", 88, "48.40", "1.53")]
    public void Size_EachPreset_TheExampleTradeCappedByItsSingleTradeLimit(string name, int contracts, string cost, string fee)
    {
        var preset = RiskPresets.Get(name);
        var equity = new Money(1000m);

        var result = KellySizer.Size(new SizingRequest(
            Probability.Of(0.70), Price.Parse("0.55"), FeeSchedule.Standard, preset.KellyMultiplier, equity, equity * preset.MaxSingleTrade, equity, null, false));

        Assert.Equal((decimal)contracts, result.Contracts.Contracts);
        Assert.Equal(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), result.Cost.Dollars);
        Assert.Equal(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), result.Fee.Dollars);
        Assert.Equal(SizingLimit.MaxSingleTrade, result.LimitedBy);
        Assert.Equal(0.306639, result.KellyFraction, 6);
    }

    [Theory]
    [InlineData("conservative", 129, "70.95", "2.24")]
    [InlineData("balanced", 258, "141.90", "4.47")]
    [InlineData("aggressive", 387, "212.85", "6.71")]
    public void Size_EachPreset_SmallEdgeIsBoundByItsKellyMultiplier(string name, int contracts, string cost, string fee)
    {
        // q 0.58 at 0.55: c 0.567325, f* = 0.012675/0.432675 = 0.0292945. On $10,000, multiplier × f* × equity is
        // $73.24, $146.47 and $219.71: below each cap ($100, $250, $500), so Kelly binds.
        var preset = RiskPresets.Get(name);
        var equity = new Money(10_000m);

        var result = KellySizer.Size(new SizingRequest(
            Probability.Of(0.58), Price.Parse("0.55"), FeeSchedule.Standard, preset.KellyMultiplier, equity, equity * preset.MaxSingleTrade, equity, null, false));

        Assert.Equal(SizingLimit.Kelly, result.LimitedBy);
        Assert.Equal((decimal)contracts, result.Contracts.Contracts);
        Assert.Equal(decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), result.Cost.Dollars);
        Assert.Equal(decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), result.Fee.Dollars);
    }

    [Fact]
    public void Size_WalkingTheBook_TakesCheaperLevelsFirstUntilTheCap()
    {
        // YES offers 10 at 0.55, 10 at 0.60, 100 at 0.65; q 0.70, balanced, $1,000 (cap $25). The first two levels cost
        // 11.50 + fee; at 0.65 (edge 0.034075, Kelly 0.101998 → $51 > $25) 19 more fit: 23.85 + ceil(0.643825) = 24.50.
        var result = KellySizer.Size(Walk(0.70, 0.03, new Money(1000m)));

        Assert.Equal((39m, 23.85m, 0.65m, SizingLimit.MaxSingleTrade), (result.Contracts.Contracts, result.Cost.Dollars, result.Fee.Dollars, result.LimitedBy));
        Assert.Equal(Price.Parse("0.65"), result.LimitPrice);
        Assert.Equal(0.643825m, result.UnroundedFee);
    }

    [Fact]
    public void Size_WalkingTheBook_StopsWhereTheNextLevelHasNoEdge()
    {
        // q 0.66: edge 0.092675 at 0.55, 0.0432 at 0.60, −0.005925 at 0.65.
        var result = KellySizer.Size(Walk(0.66, 0.03, new Money(1000m)));

        Assert.Equal((20m, 11.50m, 0.35m, SizingLimit.Edge), (result.Contracts.Contracts, result.Cost.Dollars, result.Fee.Dollars, result.LimitedBy));
        Assert.Equal(Price.Parse("0.60"), result.LimitPrice);
    }

    [Fact]
    public void Size_WalkingTheBook_StopsWhereTheNextLevelIsBelowTheMinimumEdge()
    {
        // With a 0.05 minimum, 0.60's 0.0432 is not enough: only the 0.55 level is bought.
        var result = KellySizer.Size(Walk(0.66, 0.05, new Money(1000m)));

        Assert.Equal((10m, SizingLimit.Edge), (result.Contracts.Contracts, result.LimitedBy));
    }

    [Fact]
    public void Size_WalkingTheBook_StopsWhereTheNextLevelsKellyNoLongerSupportsTheStake()
    {
        // q 0.62: 0.55 has Kelly 0.121743 (budget $60.87), 0.60 only 0.008351 (budget $4.18 < the $5.68 already spent).
        var result = KellySizer.Size(Walk(0.62, 0d, new Money(1000m), cap: new Money(1000m)));

        Assert.Equal((10m, SizingLimit.Kelly), (result.Contracts.Contracts, result.LimitedBy));
    }

    [Fact]
    public void Size_WalkingTheWholeBook_IsLimitedByDepth()
    {
        var result = KellySizer.Size(Walk(0.90, 0.03, new Money(100_000m)));

        Assert.Equal((120m, SizingLimit.Depth), (result.Contracts.Contracts, result.LimitedBy));
    }

    [Fact]
    public void Size_Maker_UsesTheMakerAllInCost()
    {
        // Resting at 0.53 on a maker-fee series: fee 0.0175 × 0.53 × 0.47 = 0.00435925, c = 0.53435925, Kelly 0.355…;
        // the $25 cap binds: 46 × 0.53 = 24.38 + ceil(0.2005255) = 0.21 → 24.59; 47 would be 24.91 + 0.21 = 25.12.
        var fees = new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m);
        var equity = new Money(1000m);

        var result = KellySizer.Size(new SizingRequest(Probability.Of(0.70), Price.Parse("0.53"), fees, 0.5m, equity, new Money(25m), equity, null, false) { Liquidity = Liquidity.Maker });

        Assert.Equal((46m, 24.38m, 0.21m), (result.Contracts.Contracts, result.Cost.Dollars, result.Fee.Dollars));
        Assert.Equal((0.70 - 0.53435925) / (1 - 0.53435925), result.KellyFraction, 9);
    }

    [Fact]
    public void Size_CentiCentRounding_FitsWhatTheCentRoundingCannot()
    {
        // At the $25 cap: 44 × 0.55 = 24.20 + 0.7623 = 24.9623 fits either way; the 45th (24.75 + 0.7796) fits neither.
        var fees = FeeSchedule.Standard with { Rounding = FeeRounding.CentiCent };
        var equity = new Money(1000m);

        var result = KellySizer.Size(new SizingRequest(Probability.Of(0.70), Price.Parse("0.55"), fees, 0.5m, equity, new Money(25m), equity, null, false));

        Assert.Equal((44m, 0.7623m), (result.Contracts.Contracts, result.Fee.Dollars));
    }

    [Property]
    public Property SizeWalkingABook_NeverExceedsAnyCapNorBuysAContractWithoutEdgeAtItsLevel(byte probabilityCents, byte[] sizes, ushort capDollars, ushort cashDollars, bool fractional)
    {
        var q = Math.Clamp(probabilityCents % 101, 1, 99) / 100d;
        var book = BookOf(sizes);
        var cap = new Money(capDollars);
        var cash = new Money(cashDollars);
        var result = KellySizer.Size(new SizingRequest(Probability.Of(q), Price.Parse("0.40"), FeeSchedule.Standard, 0.5m, new Money(10_000m), cap, cash, null, fractional)
        {
            Ladder = AskLadder.For(book, Side.Yes),
            MinEdge = 0.02,
        });
        var marginalEdge = result.LimitPrice is { } limit ? EdgeModel.Edge(Probability.Of(q), limit, FeeSchedule.Standard) : 1d;

        return (result.Outlay <= cap && result.Outlay <= cash && result.Outlay.Dollars <= 0.5m * 10_000m && marginalEdge >= 0.02
                && result.Contracts <= book.DepthAtOrBetter(Side.Yes, Price.One))
            .Label($"q {q} cap {cap} cash {cash}: {result}");
    }

    [Property]
    public Property SizeWalkingABook_MoreEdgeNeverGivesASmallerSize(byte lowCents, byte extraCents, byte[] sizes)
    {
        var book = BookOf(sizes);
        var low = Math.Clamp(lowCents % 101, 1, 98) / 100d;
        var high = Math.Min(low + (extraCents % 20 / 100d), 0.99);
        SizingResult Size(double q) => KellySizer.Size(new SizingRequest(Probability.Of(q), Price.Parse("0.40"), FeeSchedule.Standard, 0.5m, new Money(1000m), new Money(50m), new Money(1000m), null, false)
        {
            Ladder = AskLadder.For(book, Side.Yes),
            MinEdge = 0.03,
        });

        return (Size(high).Contracts >= Size(low).Contracts).Label($"low {low} high {high}");
    }

    [Property]
    public Property SizeWalkingABook_NeverStakesOnNonPositiveEdge(byte probabilityCents, byte[] sizes)
    {
        // The order's average all-in cost is below q whenever anything is bought.
        var q = Math.Clamp(probabilityCents % 101, 1, 99) / 100d;
        var result = KellySizer.Size(new SizingRequest(Probability.Of(q), Price.Parse("0.40"), FeeSchedule.Standard, 0.75m, new Money(10_000m), new Money(10_000m), new Money(10_000m), null, false)
        {
            Ladder = AskLadder.For(BookOf(sizes), Side.Yes),
        });

        return (result.Contracts.IsZero || (double)((result.Cost.Dollars + result.UnroundedFee) / result.Contracts.Contracts) < q)
            .Label($"q {q}: {result}");
    }

    private static SizingRequest Walk(double q, double minEdge, Money equity, Money? cap = null)
    {
        var book = new OrderBook([], [new BookLevel(Price.Parse("0.45"), Quantity.Of(10)), new BookLevel(Price.Parse("0.40"), Quantity.Of(10)), new BookLevel(Price.Parse("0.35"), Quantity.Of(100))]);
        return new SizingRequest(Probability.Of(q), Price.Parse("0.55"), FeeSchedule.Standard, 0.5m, equity, cap ?? equity * 0.025m, equity, null, false)
        {
            Ladder = AskLadder.For(book, Side.Yes),
            MinEdge = minEdge,
        };
    }

    /// <summary>YES offers at 0.40, 0.42, 0.44, … with the given sizes.</summary>
    private static OrderBook BookOf(byte[] sizes) =>
        new([], sizes.Take(25).Select((size, i) => new BookLevel(Price.FromDollars(0.60m - (i * 0.02m)), Quantity.Of(size))));
}
