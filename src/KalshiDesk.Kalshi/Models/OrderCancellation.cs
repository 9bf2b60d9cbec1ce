using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The exchange's answer to a cancel.</summary>
/// <param name="ReducedBy">Contracts cancelled (the remaining count at cancellation).</param>
/// <param name="ProcessedAt">Matching-engine time, when given.</param>
public sealed record OrderCancellation(string OrderId, string? ClientOrderId, Quantity ReducedBy, DateTimeOffset? ProcessedAt);
