namespace KalshiDesk.Domain.Risk;

/// <summary>Whether the desk may open positions.</summary>
public enum TradingState
{
    /// <summary>Entries within the preset's limits.</summary>
    Active,

    /// <summary>
    /// No new entries, exits allowed: the book is above a cap the desk now trades under (open exposure above the total
    /// exposure cap, or more positions than the preset allows), typically after a switch to a tighter preset or a
    /// fall in equity. Back to active by itself once exits, settlements or equity bring the book under the caps.
    /// </summary>
    Reducing,

    /// <summary>
    /// Nothing new at all, resting entry orders cancelled: a circuit breaker tripped or the kill switch was pulled.
    /// A daily-loss halt ends by itself at the next New York day; every other halt waits for an admin's resume.
    /// </summary>
    Halted,
}
