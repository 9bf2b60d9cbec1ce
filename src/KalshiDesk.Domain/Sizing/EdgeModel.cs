using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>Edge at the executable price: q − (price + fee per contract), in probability points.</summary>
public static class EdgeModel
{
    /// <summary>The all-in cost of one contract taken at <paramref name="price"/>: price plus the unrounded taker fee, in dollars.</summary>
    public static decimal AllInCost(Price price, FeeSchedule fees) =>
        AllInCost(price, fees, Liquidity.Taker);

    /// <summary>The all-in cost of one contract executed at <paramref name="price"/> as <paramref name="liquidity"/>, in dollars.</summary>
    public static decimal AllInCost(Price price, FeeSchedule fees, Liquidity liquidity) =>
        price.Dollars + KalshiFeeModel.FeePerContract(price, fees, liquidity);

    /// <summary>The edge of buying a side at <paramref name="price"/> as a taker when that side wins with probability <paramref name="q"/>.</summary>
    public static double Edge(Probability q, Price price, FeeSchedule fees) =>
        Edge(q, price, fees, Liquidity.Taker);

    /// <summary>The edge of buying a side at <paramref name="price"/> as <paramref name="liquidity"/> when that side wins with probability <paramref name="q"/>.</summary>
    public static double Edge(Probability q, Price price, FeeSchedule fees, Liquidity liquidity) =>
        q.Value - (double)AllInCost(price, fees, liquidity);
}
