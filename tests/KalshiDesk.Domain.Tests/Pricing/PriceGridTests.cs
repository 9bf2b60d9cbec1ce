using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Pricing;

public class PriceGridTests
{
    [Fact]
    public void LinearCent_FloorsABidToTheCentBelow()
    {
        Assert.Equal(Price.Parse("0.53"), PriceGrid.LinearCent.FloorToTick(Price.Parse("0.5399")));
        Assert.True(PriceGrid.LinearCent.IsOnGrid(Price.Parse("0.53")));
        Assert.False(PriceGrid.LinearCent.IsOnGrid(Price.Parse("0.535")));
    }

    [Fact]
    public void TaperedDeciCent_HasTenthsOfACentOnlyInTheTails()
    {
        var grid = PriceGrid.FromStructure("tapered_deci_cent")!;

        Assert.Equal(0.001m, grid.TickAt(Price.Parse("0.05")));
        Assert.Equal(0.01m, grid.TickAt(Price.Parse("0.50")));
        Assert.Equal(0.001m, grid.TickAt(Price.Parse("0.95")));
        Assert.True(grid.IsOnGrid(Price.Parse("0.053")));
        Assert.False(grid.IsOnGrid(Price.Parse("0.505")));
        Assert.Equal(Price.Parse("0.50"), grid.FloorToTick(Price.Parse("0.505")));
        Assert.Equal(Price.Parse("0.953"), grid.FloorToTick(Price.Parse("0.9537")));
    }

    [Fact]
    public void FromRanges_KalshisPriceRanges_BuildsTheGrid()
    {
        var grid = PriceGrid.FromRanges([(0m, 0.5m, 0.001m), (0.5m, 1m, 0.01m)]);

        Assert.True(grid.IsOnGrid(Price.Parse("0.123")));
        Assert.False(grid.IsOnGrid(Price.Parse("0.567")));
        Assert.True(grid.IsOnGrid(Price.One));
    }

    [Fact]
    public void FromRanges_WithAGap_Throws() =>
        Assert.Throws<ArgumentException>(() => PriceGrid.FromRanges([(0m, 0.4m, 0.01m), (0.5m, 1m, 0.01m)]));

    [Fact]
    public void FromStructure_UnknownName_IsNull() =>
        Assert.Null(PriceGrid.FromStructure("center_deci_cent_edge_cent"));
}
