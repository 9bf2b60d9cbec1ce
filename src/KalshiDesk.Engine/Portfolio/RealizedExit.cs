namespace KalshiDesk.Engine.Portfolio;

/// <summary>What selling (part of) a position realized: proceeds − exit fee − the average cost and fees of what was sold, in dollars.</summary>
public sealed record RealizedExit(DateTimeOffset At, string Ticker, string Side, decimal Contracts, decimal Pnl);
