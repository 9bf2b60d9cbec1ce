using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>Edge at the executable price: q − (price + fee per contract), in probability points.</summary>
public static class EdgeModel
{
    /// <summary>The all-in cost of one contract taken at <paramref name="price"/>: price plus the unrounded taker fee.</summary>
    public static decimal AllInCost(Price price, FeeSchedule fees) =>
        price.Dollars + KalshiFeeModel.TakerFeePerContract(price, fees);

    /// <summary>The edge of buying a side at <paramref name="price"/> when that side wins with probability <paramref name="q"/>.</summary>
    public static double Edge(Probability q, Price price, FeeSchedule fees) =>
        q.Value - (double)AllInCost(price, fees);
}
