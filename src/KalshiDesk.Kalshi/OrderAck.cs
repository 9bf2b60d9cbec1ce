using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi;

/// <summary>The exchange's answer to a created order.</summary>
/// <param name="AverageFillPrice">Average YES price of the fills, when anything filled.</param>
public sealed record OrderAck(string OrderId, string ClientOrderId, Quantity Filled, Quantity Remaining, Price? AverageFillPrice, decimal? AverageFeePaid);
