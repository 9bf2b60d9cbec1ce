using KalshiDesk.Engine.Forecasting.DataDriven;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public class MarketStrikeTests
{
    [Fact]
    public void ProbabilityYes_Mean50Sd3Above52_Is0_2525() =>
        // 1 − Φ((52 − 50)/3) = 1 − Φ(0.6667) = 0.2524925375469229
        Assert.Equal(0.2524925375469229, MarketStrike.Above(52).ProbabilityYes(50, 3), 1e-14);

    [Fact]
    public void ProbabilityYes_Mean50Sd3Below52_IsTheComplement() =>
        Assert.Equal(0.7475074624530771, MarketStrike.Below(52).ProbabilityYes(50, 3), 1e-14);

    [Fact]
    public void ProbabilityYes_StrikeAtTheMean_IsAHalf() =>
        Assert.Equal(0.5, MarketStrike.Above(61.5).ProbabilityYes(61.5, 2.2));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ProbabilityYes_NonPositiveSd_IsRefused(double sd) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MarketStrike.Above(52).ProbabilityYes(50, sd));

    [Fact]
    public void Above_InfiniteStrike_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => MarketStrike.Above(double.PositiveInfinity));

    [Theory]
    [InlineData("greater", 52.0, null, StrikeKind.Above, 52.0)]
    [InlineData("greater_or_equal", 52.0, null, StrikeKind.Above, 52.0)]
    [InlineData("less", null, 48.0, StrikeKind.Below, 48.0)]
    [InlineData("less_or_equal", null, 48.0, StrikeKind.Below, 48.0)]
    public void FromKalshi_PricedTypes_AreRead(string type, double? floor, double? cap, StrikeKind kind, double value)
    {
        var strike = MarketStrike.FromKalshi(type, (decimal?)floor, (decimal?)cap)!.Value;

        Assert.Equal(kind, strike.Kind);
        Assert.Equal(value, strike.Value);
    }

    [Theory]
    [InlineData("between", 84.0, 85.0)]
    [InlineData("custom", null, null)]
    [InlineData("greater", null, 85.0)]
    [InlineData(null, 84.0, null)]
    public void FromKalshi_OtherTypesOrMissingStrike_AreNull(string? type, double? floor, double? cap) =>
        Assert.Null(MarketStrike.FromKalshi(type, (decimal?)floor, (decimal?)cap));
}
