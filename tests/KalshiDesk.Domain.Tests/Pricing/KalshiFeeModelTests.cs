using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Pricing;

public class KalshiFeeModelTests
{
    private static readonly FeeSchedule WithMakerFees = new(FeeType.QuadraticWithMakerFees, 1m);

    // The fee schedule's worked examples: ceil(0.07 × C × P × (1 − P)) to the cent.
    [Theory]
    [InlineData("0.50", 1, "0.02")]
    [InlineData("0.50", 10, "0.18")]
    [InlineData("0.50", 100, "1.75")]
    [InlineData("0.05", 100, "0.34")]
    [InlineData("0.10", 100, "0.63")]
    [InlineData("0.25", 100, "1.32")]
    [InlineData("0.55", 44, "0.77")]
    [InlineData("0.99", 1, "0.01")]
    [InlineData("0.01", 1000, "0.70")]
    [InlineData("0.90", 3, "0.02")]
    public void TakerFee_GeneralSchedule_MatchesKalshiTable(string price, int count, string expected)
    {
        var fee = KalshiFeeModel.TakerFee(Price.Parse(price), Quantity.Of(count), FeeSchedule.Standard);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fee.Dollars);
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("1.00")]
    public void TakerFee_AtTheEndsOfThePriceRange_IsZero(string price)
    {
        Assert.Equal(0m, KalshiFeeModel.TakerFee(Price.Parse(price), Quantity.Of(100), FeeSchedule.Standard).Dollars);
    }

    [Fact]
    public void TakerFee_FractionalContracts_RoundsTheOrderUpOnce()
    {
        // 2.5 × 0.07 × 0.4 × 0.6 = 0.042 → $0.05
        var fee = KalshiFeeModel.TakerFee(Price.Parse("0.40"), Quantity.Of(2.5m), FeeSchedule.Standard);

        Assert.Equal(0.05m, fee.Dollars);
    }

    [Fact]
    public void MakerFee_QuadraticSeries_IsZero()
    {
        var fee = KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), FeeSchedule.Standard);

        Assert.Equal(0m, fee.Dollars);
    }

    [Fact]
    public void MakerFee_WithMakerFees_IsQuarterRateRoundedUp()
    {
        // 0.0175 × 100 × 0.25 = 0.4375 → $0.44
        var fee = KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), WithMakerFees);

        Assert.Equal(0.44m, fee.Dollars);
    }

    [Theory]
    [InlineData("0.50", 1, "0.01")]
    [InlineData("0.30", 10, "0.04")]
    [InlineData("0.53", 47, "0.21")]
    public void MakerFee_WithMakerFees_AtSeveralPricesAndSizes(string price, int count, string expected)
    {
        // 0.0175 × 1 × 0.25 = 0.004375 → 0.01; 0.0175 × 10 × 0.21 = 0.03675 → 0.04; 0.0175 × 47 × 0.2491 = 0.20488… → 0.21
        var fee = KalshiFeeModel.MakerFee(Price.Parse(price), Quantity.Of(count), WithMakerFees);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fee.Dollars);
    }

    [Fact]
    public void MakerFee_ComboMakerFees_IsHalfRate()
    {
        // 0.035 × 100 × 0.25 = 0.875 → $0.88
        var fee = KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), new FeeSchedule(FeeType.QuadraticWithComboMakerFees, 1m));

        Assert.Equal(0.88m, fee.Dollars);
    }

    [Fact]
    public void MakerFee_FlatSeries_IsZeroAndTheTakerPaysTheScaledRate()
    {
        var flat = new FeeSchedule(FeeType.Flat, 0.5m);

        Assert.Equal(0m, KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), flat).Dollars);
        Assert.Equal(0.88m, KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(100), flat).Dollars);
    }

    [Fact]
    public void TakerFee_HalfMultiplier_HalvesTheRate()
    {
        // 0.035 × 100 × 0.25 = 0.875 → $0.88
        var fee = KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(100), new FeeSchedule(FeeType.Quadratic, 0.5m));

        Assert.Equal(0.88m, fee.Dollars);
    }

    [Fact]
    public void MakerFee_MultiplierScalesTheMakerFeeToo()
    {
        // 0.5 × 0.0175 × 100 × 0.25 = 0.21875 → $0.22
        var fee = KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.5m));

        Assert.Equal(0.22m, fee.Dollars);
    }

    [Fact]
    public void WithOverride_EventOverride_ReplacesTypeAndMultiplierAndKeepsTheRounding()
    {
        // MLB pre-game trades at multiplier 0.5; at first pitch the event's override sets the standard rate.
        var series = new FeeSchedule(FeeType.Quadratic, 0.5m) { Rounding = FeeRounding.CentiCent };

        var fees = series.WithOverride(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m));

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m) { Rounding = FeeRounding.CentiCent }, fees);
        Assert.Equal(1.75m, KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(100), fees).Dollars);
        Assert.Equal(0.4375m, KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), fees).Dollars);
        Assert.Same(series, series.WithOverride(null));
    }

    [Fact]
    public void TakerFee_CentiCentRounding_RoundsToTenThousandths()
    {
        var fee = KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(1), FeeSchedule.Standard, FeeRounding.CentiCent);

        Assert.Equal(0.0175m, fee.Dollars);
    }

    [Theory]
    [InlineData("0.55", 44, "0.7623")]
    [InlineData("0.33", 7, "0.1084")]
    [InlineData("0.05", 100, "0.3325")]
    public void TakerFee_ScheduleRoundsToTheCentiCent_ChargesTheRawFeeUpTo0_0001(string price, int count, string expected)
    {
        // 44 × 0.017325 = 0.7623; 7 × 0.07 × 0.33 × 0.67 = 0.108339 → 0.1084; 100 × 0.003325 = 0.3325
        var fees = FeeSchedule.Standard with { Rounding = FeeRounding.CentiCent };

        var fee = KalshiFeeModel.TakerFee(Price.Parse(price), Quantity.Of(count), fees);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fee.Dollars);
    }

    [Fact]
    public void ExitFee_SellingAHeldPosition_PaysTheTakerFeeAtTheSalePrice()
    {
        // Selling 44 YES at a 0.62 bid: 44 × 0.07 × 0.62 × 0.38 = 0.725648 → $0.73; proceeds 27.28 − 0.73.
        var price = Price.Parse("0.62");

        var fee = KalshiFeeModel.ExitFee(price, Quantity.Of(44), FeeSchedule.Standard);
        var proceeds = KalshiFeeModel.ExitProceeds(price, Quantity.Of(44), FeeSchedule.Standard);

        Assert.Equal(0.73m, fee.Dollars);
        Assert.Equal(26.55m, proceeds.Dollars);
        Assert.Equal(KalshiFeeModel.TakerFee(price.Complement, Quantity.Of(44), FeeSchedule.Standard), fee);
    }

    [Fact]
    public void FeeSchedule_NegativeMultiplier_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeSchedule(FeeType.Quadratic, -0.5m));

    [Property]
    public Property TakerFeePerContract_IsNeverNegativeNorAboveTheCap(byte cents)
    {
        var price = Price.FromDollars(Math.Min((int)cents, 100) / 100m);
        var raw = KalshiFeeModel.TakerFeePerContract(price, FeeSchedule.Standard);
        return (raw >= 0m && raw <= 0.0175m).Label($"fee {raw} at {price}");
    }

    [Property]
    public Property FeePerContract_AnyTypeMultiplierAndPrice_IsBetweenZeroAnd0_0175TimesM(ushort tenThousandths, byte multiplierTenths, byte type, bool maker)
    {
        // 0.07·m·P(1−P) peaks at P = 0.50, where it is 0.0175·m; a maker never pays more than a taker.
        var price = Price.FromDollars(tenThousandths % 10_001 / 10_000m);
        var schedule = new FeeSchedule((FeeType)(type % 4), multiplierTenths % 101 / 10m);
        var liquidity = maker ? Liquidity.Maker : Liquidity.Taker;

        var raw = KalshiFeeModel.FeePerContract(price, schedule, liquidity);

        return (raw >= 0m && raw <= 0.0175m * schedule.Multiplier && raw <= KalshiFeeModel.TakerFeePerContract(price, schedule) && raw <= schedule.MaxTakerFeePerContract)
            .Label($"{liquidity} fee {raw} at {price} under {schedule}");
    }

    [Property]
    public Property Fee_RoundedOrder_IsAtLeastTheRawFeeAndLessThanOneUnitMore(ushort tenThousandths, ushort hundredths, bool centiCent, bool maker)
    {
        var price = Price.FromDollars(tenThousandths % 10_001 / 10_000m);
        var count = Quantity.Of(hundredths / 100m);
        var rounding = centiCent ? FeeRounding.CentiCent : FeeRounding.Cent;
        var schedule = WithMakerFees with { Rounding = rounding };
        var liquidity = maker ? Liquidity.Maker : Liquidity.Taker;
        var raw = KalshiFeeModel.FeePerContract(price, schedule, liquidity) * count.Contracts;
        var unit = centiCent ? 0.0001m : 0.01m;

        var fee = KalshiFeeModel.Fee(price, count, schedule, liquidity).Dollars;

        return (fee >= raw && fee < raw + unit && fee % unit == 0m).Label($"{count} at {price}: raw {raw}, charged {fee}");
    }
}
