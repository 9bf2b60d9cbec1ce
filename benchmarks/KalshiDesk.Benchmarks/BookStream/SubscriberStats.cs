using System.Diagnostics;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>What one subscriber received during one phase (warm-up or the measured run). Written by its receive loop only.</summary>
internal sealed class SubscriberStats(long startTimestamp, int seconds)
{
    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Deltas received in each whole second after <see cref="StartTimestamp"/> (the last slot takes the drain).</summary>
    public int[] PerSecond { get; } = new int[seconds + 1];

    public long Deltas { get; set; }

    /// <summary>Deltas whose change the probe did not see (no latency for them).</summary>
    public long Unmatched { get; set; }

    /// <summary>Receipt minus announcement, <see cref="Stopwatch"/> ticks, one per matched delta.</summary>
    public List<long> Latencies { get; } = new(capacity: 1 << 16);

    public void Count(long received)
    {
        Deltas++;
        var second = (int)((received - StartTimestamp) / Stopwatch.Frequency);
        PerSecond[Math.Clamp(second, 0, PerSecond.Length - 1)]++;
    }
}
