using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The payout of one settled market to the member.</summary>
/// <param name="Revenue">Paid to the member, in dollars (Kalshi sends integer cents).</param>
/// <param name="YesPayout">Payout of one YES contract, in dollars (Kalshi sends integer cents), when given.</param>
public sealed record Settlement(
    string Ticker,
    string EventTicker,
    SettlementResult Result,
    Quantity YesCount,
    Money YesTotalCost,
    Quantity NoCount,
    Money NoTotalCost,
    Money Revenue,
    Money FeeCost,
    DateTimeOffset SettledTime,
    Money? YesPayout);
