namespace KalshiDesk.Domain.Risk;

/// <summary>
/// The desk's trading state and what the circuit breaker measures it by, carried from one observation to the next.
/// Money in dollars; <see cref="TradingDay"/> is the New York calendar day the day-start equity belongs to.
/// </summary>
/// <param name="State">Active, reducing or halted.</param>
/// <param name="Cause">Why the desk halted; null unless <paramref name="State"/> is halted.</param>
/// <param name="Reason">The state's reason in a line (halted and reducing), or null when active.</param>
/// <param name="Since">When the desk entered <paramref name="State"/>.</param>
/// <param name="TradingDay">The New York day of <paramref name="DayStartEquity"/>.</param>
/// <param name="DayStartEquity">Equity at the first observation of the New York day (or at an admin's resume of a daily-loss halt).</param>
/// <param name="PeakEquity">The highest equity observed since the breaker started (or since an admin's resume of a drawdown halt).</param>
/// <param name="LastEquity">Equity at the last observation.</param>
/// <param name="LosingStreak">Settlements in a row that lost money.</param>
/// <param name="ObservedAt">When the breaker last looked at the account.</param>
public sealed record RiskState(
    TradingState State,
    HaltCause? Cause,
    string? Reason,
    DateTimeOffset Since,
    DateOnly TradingDay,
    decimal DayStartEquity,
    decimal PeakEquity,
    decimal LastEquity,
    int LosingStreak,
    DateTimeOffset ObservedAt)
{
    /// <summary>True while the desk is halted.</summary>
    public bool Halted => State == TradingState.Halted;
}
