using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
}
