namespace KalshiDesk.Kalshi.Models;

/// <summary>Token costs (<c>GET /account/endpoint_costs</c>).</summary>
/// <param name="DefaultCost">Tokens a request costs unless listed.</param>
public sealed record EndpointCosts(int DefaultCost, IReadOnlyList<EndpointCost> Overrides);
