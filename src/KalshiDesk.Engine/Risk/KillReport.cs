namespace KalshiDesk.Engine.Risk;

/// <summary>What the kill switch did. Money in dollars.</summary>
/// <param name="Reason">The halt's reason, as the desk shows it.</param>
/// <param name="CancelledOrders">Resting orders cancelled.</param>
/// <param name="RejectedProposals">Pending proposals rejected.</param>
/// <param name="Exits">Each position sold, when asked to flatten.</param>
/// <param name="Proceeds">What the exits sold for, before fees.</param>
/// <param name="Fees">The exits' taker fees.</param>
public sealed record KillReport(
    DateTimeOffset At,
    string Reason,
    int CancelledOrders,
    int RejectedProposals,
    IReadOnlyList<ExitReport> Exits,
    decimal Proceeds,
    decimal Fees);
