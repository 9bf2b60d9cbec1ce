using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>An order group: orders cancelled together once their matched contracts exceed a limit over a rolling 15 s.</summary>
/// <param name="ContractsLimit">Contracts allowed to match per rolling 15 seconds, when given.</param>
/// <param name="IsAutoCancelEnabled">Whether hitting the limit cancels the group's orders.</param>
/// <param name="OrderIds">The group's orders (only from <c>GET /portfolio/order_groups/{id}</c>; null in a listing).</param>
public sealed record OrderGroup(string Id, Quantity? ContractsLimit, bool IsAutoCancelEnabled, IReadOnlyList<string>? OrderIds);
