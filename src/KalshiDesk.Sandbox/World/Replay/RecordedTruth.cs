namespace KalshiDesk.Sandbox.World.Replay;

/// <summary>
/// A replayed event's markets: each market's "truth" is its recorded price at the replay clock's time, and the outcome
/// is the recorded one. Nothing here is random: a replay is the recording.
/// </summary>
internal sealed class RecordedTruth(IReadOnlyList<RecordedMarket> markets) : EventTruth
{
    private readonly int[] _at = new int[markets.Count];

    public override int Count => markets.Count;

    public RecordedMarket Market(int index) => markets[index];

    /// <summary>The recorded price of market <paramref name="index"/> at the replay time last moved to.</summary>
    public decimal PriceOf(int index) => markets[index].Path[_at[index]].Price;

    public override double TruthOf(int index) => (double)PriceOf(index);

    /// <summary>Moves every market to its last observation at or before <paramref name="recordedTime"/>; true when a price changed.</summary>
    public bool MoveTo(DateTimeOffset recordedTime)
    {
        var changed = false;
        for (var i = 0; i < markets.Count; i++)
        {
            var path = markets[i].Path;
            var before = PriceOf(i);
            while (_at[i] + 1 < path.Count && path[_at[i] + 1].At <= recordedTime)
            {
                _at[i]++;
            }

            changed |= PriceOf(i) != before;
        }

        return changed;
    }

    public override void Walk(Random random)
    {
        // The recording moves the prices (see MoveTo), not chance.
    }

    public override void Jump(Random random, int index, double size, int direction)
    {
        // No invented news in a replay.
    }

    public override void Pin(int index, double target)
    {
        // A replay's prices are the recording's.
    }

    public override bool[] Draw(Random random) => [.. markets.Select(m => m.Outcome)];
}
