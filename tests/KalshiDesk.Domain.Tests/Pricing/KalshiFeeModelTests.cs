using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Pricing;

public class KalshiFeeModelTests
{
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
    public void TakerFee_GeneralSchedule_MatchesKalshiTable(string price, int count, string expected)
    {
        var fee = KalshiFeeModel.TakerFee(Price.Parse(price), Quantity.Of(count), FeeSchedule.Standard);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), fee.Dollars);
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
        var fee = KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m));

        Assert.Equal(0.44m, fee.Dollars);
    }

    [Fact]
    public void TakerFee_HalfMultiplier_HalvesTheRate()
    {
        // 0.035 × 100 × 0.25 = 0.875 → $0.88
        var fee = KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(100), new FeeSchedule(FeeType.Quadratic, 0.5m));

        Assert.Equal(0.88m, fee.Dollars);
    }

    [Fact]
    public void TakerFee_CentiCentRounding_RoundsToTenThousandths()
    {
        var fee = KalshiFeeModel.TakerFee(Price.Parse("0.50"), Quantity.Of(1), FeeSchedule.Standard, FeeRounding.CentiCent);

        Assert.Equal(0.0175m, fee.Dollars);
    }

    [Property]
    public Property TakerFeePerContract_IsNeverNegativeNorAboveTheCap(byte cents)
    {
        var price = Price.FromDollars(Math.Min((int)cents, 100) / 100m);
        var raw = KalshiFeeModel.TakerFeePerContract(price, FeeSchedule.Standard);
        return (raw >= 0m && raw <= 0.0175m).Label($"fee {raw} at {price}");
    }
}
