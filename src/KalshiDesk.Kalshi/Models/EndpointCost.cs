namespace KalshiDesk.Kalshi.Models;

/// <summary>An endpoint whose token cost differs from the default.</summary>
/// <param name="Path">Route as Kalshi lists it, e.g. <c>/trade-api/v2/portfolio/orders/{order_id}</c>.</param>
public sealed record EndpointCost(string Method, string Path, int Cost);
