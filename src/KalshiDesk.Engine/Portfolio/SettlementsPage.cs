namespace KalshiDesk.Engine.Portfolio;

/// <summary>A page of settlements, newest first.</summary>
/// <param name="Total">Settlements matching the query, on every page.</param>
/// <param name="Limit">The page size asked for; null for every row.</param>
public sealed record SettlementsPage(int Total, int Offset, int? Limit, IReadOnlyList<SettlementView> Settlements);
