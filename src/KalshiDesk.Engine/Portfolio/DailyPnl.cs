namespace KalshiDesk.Engine.Portfolio;

/// <summary>One New York trading day's P&amp;L. Dollars.</summary>
/// <param name="Day">The America/New_York calendar day.</param>
/// <param name="OpenEquity">The equity the previous measured day closed at (the day's first snapshot when there is none before); null when no cycle measured the day.</param>
/// <param name="CloseEquity">The equity of the day's last snapshot; null when no cycle measured the day.</param>
/// <param name="EquityChange">Close − open equity: the day's P&amp;L, close to close, marks included; the days add up to the whole change.</param>
/// <param name="RealizedPnl">What closed that day: markets settled (revenue − cost − fees) and positions sold (proceeds − exit fee − the average cost and fees of what was sold).</param>
/// <param name="Fees">Fees paid that day.</param>
/// <param name="Snapshots">How many cycles measured the day.</param>
public sealed record DailyPnl(
    DateOnly Day,
    decimal? OpenEquity,
    decimal? CloseEquity,
    decimal? EquityChange,
    decimal RealizedPnl,
    decimal Fees,
    int Snapshots);
