using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Engine.Forecasting.DataDriven;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public class StandardNormalTests
{
    // Reference values: ½·erfc(−x/√2) in IEEE double (Python's math.erfc).
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-2.0, 0.02275013194817922)]
    [InlineData(-1.5, 0.06680720126885809)]
    [InlineData(3.0, 0.9986501019683699)]
    public void Cdf_MatchesTheReferenceTo3e16(double x, double expected) =>
        Assert.Equal(expected, StandardNormal.Cdf(x), 3e-16);

    [Fact]
    public void Cdf_TwoThirds_Is0_7475074624530771() =>
        Assert.Equal(0.7475074624530771, StandardNormal.Cdf(2d / 3), 3e-16);

    [Fact]
    public void Cdf_FarTail_KeepsItsRelativeAccuracy()
    {
        // Φ(−8) = 6.220960574271819e-16; past |x| = 7.07 the continued fraction holds 1e-8 relative.
        Assert.Equal(1, StandardNormal.Cdf(-8) / 6.220960574271819e-16, 1e-8);
        Assert.Equal(6.220960574271819e-16, StandardNormal.Cdf(-8), 3e-16);
        Assert.Equal(0, StandardNormal.Cdf(-40));
        Assert.Equal(1, StandardNormal.Cdf(40));
    }

    [Fact]
    public void Cdf_NaN_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Cdf(double.NaN));

    [Property]
    public Property Cdf_IsSymmetricAndMonotone(short hundredths, byte step)
    {
        var x = hundredths / 100d;
        var symmetric = Math.Abs(StandardNormal.Cdf(x) + StandardNormal.Cdf(-x) - 1) < 1e-14;
        var monotone = StandardNormal.Cdf(x + (step / 100d)) >= StandardNormal.Cdf(x);
        return (symmetric && monotone).Label($"x = {x}");
    }
}
