namespace KalshiDesk.Sandbox.World;

/// <summary>An event: one question about one date, answered by one or more markets.</summary>
internal sealed class SandboxEvent
{
    public required string EventTicker { get; init; }

    public required SandboxSeries Series { get; init; }

    public required string Title { get; init; }

    public required string SubTitle { get; init; }

    /// <summary>True when at most one of the event's markets can resolve YES (a game's winner, a Fed decision).</summary>
    public required bool MutuallyExclusive { get; init; }

    public required DateTimeOffset StrikeDate { get; init; }

    public List<SandboxMarket> Markets { get; } = [];
}
