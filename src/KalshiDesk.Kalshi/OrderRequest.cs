using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi;

/// <summary>A buy of one side of a market at a limit price (in that side's price).</summary>
/// <param name="ClientOrderId">The desk's idempotency key, derived from the proposal.</param>
/// <param name="OrderGroupId">The order group whose contracts limit caps it (every live order has one).</param>
/// <param name="PostOnly">Rest only: the exchange refuses the order rather than let it take (a maker order).</param>
/// <param name="ExpiresAt">When a good-till-canceled order is cancelled by the exchange (<c>expiration_time</c>); null for never.</param>
public sealed record OrderRequest(
    string Ticker,
    string ClientOrderId,
    Side Side,
    Price LimitPrice,
    Quantity Count,
    TimeInForce TimeInForce,
    string? OrderGroupId = null,
    bool PostOnly = false,
    DateTimeOffset? ExpiresAt = null);
