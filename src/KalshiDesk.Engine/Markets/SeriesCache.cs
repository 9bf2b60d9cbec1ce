using System.Collections.Concurrent;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Markets;

/// <summary>
/// Series (category, fee schedule) change rarely: remembered for an hour per series. Beside them, the events' fee
/// overrides, which take precedence over their series' schedule: those in force when open events were last swept
/// (<c>fee_type_override</c>, <c>fee_multiplier_override</c>), and the scheduled changes of <c>GET /events/fee_changes</c>,
/// each applied from its time on, so an override that starts between two sweeps (first pitch) is charged on time.
/// </summary>
public sealed class SeriesCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SeriesInfo Info, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);
    private volatile Overrides _overrides = new(new Dictionary<string, FeeSchedule>(StringComparer.Ordinal), DateTimeOffset.MinValue, new Dictionary<string, EventFeeChange[]>(StringComparer.Ordinal));

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

    /// <summary>Replaces the overrides in force with a sweep's: every event swept, with its override or null for none.</summary>
    public void SetEventOverrides(IEnumerable<(string EventTicker, FeeSchedule? Override)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var current = new Dictionary<string, FeeSchedule>(StringComparer.Ordinal);
        foreach (var (ticker, feeOverride) in events)
        {
            if (feeOverride is not null)
            {
                current[ticker] = feeOverride;
            }
        }

        _overrides = _overrides with { Current = current, SweptAt = time.GetUtcNow() };
    }

    /// <summary>Replaces the scheduled override changes (<c>GET /events/fee_changes</c>).</summary>
    public void SetScheduledOverrides(IEnumerable<EventFeeChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var byEvent = changes
            .GroupBy(c => c.EventTicker, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ScheduledAt).ToArray(), StringComparer.Ordinal);
        _overrides = _overrides with { Scheduled = byEvent };
    }

    /// <summary>
    /// The fees of a market of <paramref name="eventTicker"/> now: the latest scheduled change that took effect since the
    /// last sweep, else the override the sweep found, else the series' schedule. A change that clears the override
    /// (both halves null) brings the series' schedule back.
    /// </summary>
    public FeeSchedule FeesFor(string eventTicker, FeeSchedule seriesFees)
    {
        ArgumentNullException.ThrowIfNull(seriesFees);
        var overrides = _overrides;
        var now = time.GetUtcNow();
        if (overrides.Scheduled.TryGetValue(eventTicker, out var changes))
        {
            for (var i = changes.Length - 1; i >= 0; i--)
            {
                var change = changes[i];
                if (change.ScheduledAt <= now && change.ScheduledAt > overrides.SweptAt)
                {
                    return seriesFees.WithOverride(change.Override);
                }
            }
        }

        return seriesFees.WithOverride(overrides.Current.GetValueOrDefault(eventTicker));
    }

    private sealed record Overrides(Dictionary<string, FeeSchedule> Current, DateTimeOffset SweptAt, Dictionary<string, EventFeeChange[]> Scheduled);
}
