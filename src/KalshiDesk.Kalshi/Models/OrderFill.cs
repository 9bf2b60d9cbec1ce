using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>One fill of one of the member's orders.</summary>
/// <param name="Fee">Fee charged on this fill, in dollars.</param>
public sealed record OrderFill(
    string FillId,
    string OrderId,
    string Ticker,
    Side OutcomeSide,
    BookSide BookSide,
    Quantity Count,
    Price YesPrice,
    Price NoPrice,
    bool IsTaker,
    Money Fee,
    DateTimeOffset? CreatedTime);
