namespace KalshiDesk.Engine.Portfolio;

/// <summary>The equity curve and daily P&amp;L over a window, and the account's totals now.</summary>
/// <param name="Points">The equity curve from <paramref name="From"/> to <paramref name="To"/>, oldest first, thinned to the points asked for.</param>
/// <param name="Snapshots">How many snapshots the window holds before thinning.</param>
/// <param name="Days">Every New York day the window touches that had a snapshot, a fee or realized P&amp;L, oldest first, each over its whole day.</param>
public sealed record PnlReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Snapshots,
    IReadOnlyList<EquityPoint> Points,
    IReadOnlyList<DailyPnl> Days,
    PnlTotals Totals);
