using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The exchange's answer to an amend; counts are present only when the amend filled or resized.</summary>
/// <param name="AverageFillPrice">Average YES price of fills caused by the amend.</param>
/// <param name="AverageFeePaid">Average fee per contract of those fills, in dollars.</param>
public sealed record OrderAmendment(
    string OrderId,
    string? ClientOrderId,
    Quantity? Filled,
    Quantity? Remaining,
    Price? AverageFillPrice,
    decimal? AverageFeePaid,
    DateTimeOffset? ProcessedAt);
