namespace KalshiDesk.Domain.Risk;

/// <summary>The state after an observation, and what happened on the way.</summary>
/// <param name="State">The new state.</param>
/// <param name="Tripped">A circuit breaker tripped: the desk went from trading to halted.</param>
/// <param name="Resumed">A daily-loss halt ended by itself: a new New York day began.</param>
public sealed record RiskChange(RiskState State, bool Tripped, bool Resumed)
{
    /// <summary>True when the state (active, reducing, halted) differs from the one before.</summary>
    public bool StateChanged { get; init; }
}
