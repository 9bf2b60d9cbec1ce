namespace KalshiDesk.Kalshi.Models;

/// <summary>A session within a day.</summary>
/// <param name="OpensEt">Time after midnight US Eastern when trading opens.</param>
/// <param name="ClosesEt">Time after midnight US Eastern when trading closes (may be 24:00).</param>
public sealed record TradingSession(TimeSpan OpensEt, TimeSpan ClosesEt);
