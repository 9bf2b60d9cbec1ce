namespace KalshiDesk.Sandbox.World;

/// <summary>An event as a series template proposes it, before the world gives it its markets' state.</summary>
internal sealed record EventDraft(
    string EventTicker,
    string Title,
    string SubTitle,
    bool MutuallyExclusive,
    DateTimeOffset CloseTime,
    bool CanCloseEarly,
    string? EarlyCloseCondition,
    IReadOnlyList<MarketDraft> Markets)
{
    /// <summary>For a strike ladder: the hidden underlying's centre and logistic scale (null for other events).</summary>
    public (double Centre, double Scale)? Ladder { get; init; }
}
