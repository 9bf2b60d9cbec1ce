namespace KalshiDesk.Kalshi.Models;

/// <summary>What a rate bucket counts.</summary>
public enum RateLimitUnit
{
    /// <summary>Tokens (2026 model: a request costs its endpoint's cost, 10 by default).</summary>
    Tokens,

    /// <summary>Requests (the older <c>read_limit</c>/<c>write_limit</c> form).</summary>
    Requests,
}
