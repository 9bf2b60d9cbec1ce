namespace KalshiDesk.Engine.Portfolio;

/// <summary>A page of orders, newest first.</summary>
/// <param name="Total">Orders matching the query, on every page.</param>
/// <param name="Limit">The page size asked for; null for every row.</param>
public sealed record OrdersPage(int Total, int Offset, int? Limit, IReadOnlyList<OrderView> Orders);
