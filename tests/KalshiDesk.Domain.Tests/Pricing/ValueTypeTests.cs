using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Pricing;

public class ValueTypeTests
{
    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0001)]
    public void Price_OutOfRange_Throws(double dollars) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.FromDollars((decimal)dollars));

    [Fact]
    public void Price_ParseAndFormat_RoundTripsKalshiStrings()
    {
        var price = Price.Parse("0.5600");

        Assert.Equal(0.56m, price.Dollars);
        Assert.Equal("0.5600", price.ToString());
        Assert.Equal("0.4400", price.Complement.ToString());
    }

    [Fact]
    public void Quantity_MoreThanTwoDecimals_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(1.005m));

    [Fact]
    public void Quantity_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(-1m));

    [Fact]
    public void Quantity_Parse_ReadsFractionalCounts()
    {
        Assert.Equal(3877.56m, Quantity.Parse("3877.56").Contracts);
        Assert.Equal("10.00", Quantity.Of(10m).ToString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Probability_Invalid_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Probability.Of(value));

    [Fact]
    public void Probability_For_GivesEachSide()
    {
        var p = Probability.Of(0.7);

        Assert.Equal(0.7, p.For(Side.Yes).Value, 12);
        Assert.Equal(0.3, p.For(Side.No).Value, 12);
    }

    [Fact]
    public void Money_CeilingToCent_RoundsUp()
    {
        Assert.Equal(0.77m, new Money(0.7623m).CeilingToCent().Dollars);
        Assert.Equal(0.77m, new Money(0.77m).CeilingToCent().Dollars);
        Assert.Equal(0.0176m, new Money(0.017501m).CeilingToCentiCent().Dollars);
    }
}
