using System.Collections.Concurrent;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Markets;

/// <summary>Series (category, fee schedule) change rarely: remembered for an hour per series.</summary>
public sealed class SeriesCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SeriesInfo Info, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string seriesTicker, out SeriesInfo info)
    {
        if (_entries.TryGetValue(seriesTicker, out var entry) && time.GetUtcNow() - entry.At < Lifetime)
        {
            info = entry.Info;
            return true;
        }

        info = null!;
        return false;
    }

    public void Set(SeriesInfo info) => _entries[info.Ticker] = (info, time.GetUtcNow());
}
