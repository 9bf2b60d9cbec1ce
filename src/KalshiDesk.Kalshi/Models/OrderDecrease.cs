using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The exchange's answer to a decrease.</summary>
public sealed record OrderDecrease(string OrderId, string? ClientOrderId, Quantity Remaining, DateTimeOffset? ProcessedAt);
