namespace KalshiDesk.Engine.Markets;

/// <summary>
/// Which events are mutually exclusive (at most one market resolves YES). Kalshi says so only on the event
/// (<c>mutually_exclusive</c>), never on the market, so the feed sweeps <c>GET /events?status=open</c> into this.
/// An event the catalog has not seen counts as not exclusive: a wrong "exclusive" would invent an arbitrage.
/// </summary>
public sealed class EventCatalog(TimeProvider time)
{
    /// <summary>A full sweep is repeated at least this often.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>An event the catalog has not seen triggers a sweep, but not more often than this.</summary>
    public static readonly TimeSpan UnknownRetry = TimeSpan.FromMinutes(5);

    private volatile Snapshot _current = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), DateTimeOffset.MinValue);

    /// <summary>Event tickers known to be mutually exclusive.</summary>
    public IReadOnlySet<string> MutuallyExclusive => _current.Exclusive;

    /// <summary>Whether a sweep is due for markets of <paramref name="eventTickers"/>.</summary>
    public bool NeedsRefresh(IEnumerable<string> eventTickers)
    {
        ArgumentNullException.ThrowIfNull(eventTickers);
        var current = _current;
        var age = time.GetUtcNow() - current.At;
        return age >= Lifetime || (age >= UnknownRetry && eventTickers.Any(e => !current.Known.Contains(e)));
    }

    /// <summary>Replaces the catalog with a sweep's result: every event seen, and whether each is exclusive.</summary>
    public void Replace(IEnumerable<(string EventTicker, bool MutuallyExclusive)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var exclusive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ticker, isExclusive) in events)
        {
            known.Add(ticker);
            if (isExclusive)
            {
                exclusive.Add(ticker);
            }
        }

        _current = new Snapshot(known, exclusive, time.GetUtcNow());
    }

    /// <summary>A sweep failed: keep what is known and wait before trying again.</summary>
    public void KeepAfterFailure() => _current = _current with { At = time.GetUtcNow() - Lifetime + UnknownRetry };

    private sealed record Snapshot(HashSet<string> Known, HashSet<string> Exclusive, DateTimeOffset At);
}
