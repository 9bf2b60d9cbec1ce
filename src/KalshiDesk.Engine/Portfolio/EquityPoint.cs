namespace KalshiDesk.Engine.Portfolio;

/// <summary>A point of the equity curve: the equity, in dollars, one cycle measured.</summary>
public sealed record EquityPoint(DateTimeOffset At, decimal Equity);
