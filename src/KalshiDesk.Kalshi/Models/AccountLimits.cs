namespace KalshiDesk.Kalshi.Models;

/// <summary>The member's API usage tier and rate buckets (<c>GET /account/limits</c>).</summary>
/// <param name="Unit">Tokens for the current form; requests for the older form, whose bucket holds one second.</param>
public sealed record AccountLimits(string UsageTier, RateBucket Read, RateBucket Write, RateLimitUnit Unit);
