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

    /// <summary>The hidden state the markets' truths are read from and their outcomes drawn from, jointly.</summary>
    public EventTruth Truth { get; set; } = null!;

    /// <summary>The series template new events of the same kind are drafted from when this one settles.</summary>
    public SeriesTemplate? Template { get; init; }

    /// <summary>Copies the hidden state into each market's <see cref="SandboxMarket.Truth"/>.</summary>
    public void PublishTruths()
    {
        for (var i = 0; i < Markets.Count; i++)
        {
            Markets[i].Truth = Truth.TruthOf(i);
        }
    }
}
