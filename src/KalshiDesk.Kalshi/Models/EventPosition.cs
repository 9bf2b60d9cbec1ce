using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The member's aggregate position in one event.</summary>
/// <param name="TotalCostShares">Contracts traded in the event, YES and NO together.</param>
public sealed record EventPosition(
    string EventTicker,
    Money TotalCost,
    Quantity TotalCostShares,
    Money Exposure,
    Money RealizedPnl,
    Money FeesPaid);
