namespace KalshiDesk.Engine.Portfolio;

/// <summary>A page of fills, newest first.</summary>
/// <param name="Total">Fills matching the query, on every page.</param>
/// <param name="Limit">The page size asked for; null for every row.</param>
public sealed record FillsPage(int Total, int Offset, int? Limit, IReadOnlyList<FillView> Fills);
