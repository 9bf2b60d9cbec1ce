using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Brokers;

/// <summary>What a broker did with an order.</summary>
/// <param name="AveragePrice">Average price of the side bought, when anything filled.</param>
/// <param name="Fee">The order's fee in dollars.</param>
public sealed record BrokerResult(string ExchangeOrderId, Quantity Filled, Price? AveragePrice, Money Cost, Money Fee)
{
    /// <summary>Contracts left resting at the limit (a good-till-canceled order the book did not fill at once).</summary>
    public Quantity Resting { get; init; }
}
