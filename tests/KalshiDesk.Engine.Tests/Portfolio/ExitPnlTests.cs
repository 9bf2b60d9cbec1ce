using KalshiDesk.Engine.Portfolio;

namespace KalshiDesk.Engine.Tests.Portfolio;

public class ExitPnlTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Realize_TwoBuysThenTwoSales_PricesEachSaleAtTheAverageCostAndFees()
    {
        BookedOrder[] orders =
        [
            new("KXA-1", "yes", false, 10m, 5.00m, 0.20m, Start),
            new("KXA-1", "yes", false, 10m, 6.00m, 0.20m, Start.AddMinutes(1)),
            new("KXB-1", "no", false, 4m, 2.00m, 0.10m, Start.AddMinutes(2)),
            new("KXA-1", "yes", true, 5m, 3.50m, 0.10m, Start.AddMinutes(3)),
            new("KXA-1", "yes", true, 15m, 9.00m, 0.25m, Start.AddMinutes(4)),
        ];

        var exits = ExitPnl.Realize(orders.Reverse());

        // Held 20 for 11.00 + 0.40: a quarter sold takes 2.85 of it, the rest 8.55.
        Assert.Equal(
            [new RealizedExit(Start.AddMinutes(3), "KXA-1", "yes", 5m, 0.55m), new RealizedExit(Start.AddMinutes(4), "KXA-1", "yes", 15m, 0.20m)],
            exits);
    }

    [Fact]
    public void Realize_SaleWithNothingHeld_RealizesItsProceedsLessItsFee()
    {
        var exits = ExitPnl.Realize([new BookedOrder("KXA-1", "no", true, 3m, 1.20m, 0.05m, Start)]);

        Assert.Equal(1.15m, Assert.Single(exits).Pnl);
    }
}
