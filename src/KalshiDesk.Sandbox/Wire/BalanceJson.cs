namespace KalshiDesk.Sandbox.Wire;

/// <summary><c>GET /portfolio/balance</c>: cents as integers (still, in 2026), dollars as a string, seconds since 1970.</summary>
internal sealed record BalanceJson(long Balance, string BalanceDollars, long PortfolioValue, long UpdatedTs);
