using System.Collections.Concurrent;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Remembers each open market's terms (title, strike, close time) as the cycle last forecast it, and when they last
/// changed. Held in memory: the first sighting after a start is the baseline, and a market no longer open is forgotten.
/// </summary>
public sealed class MarketTermsWatch
{
    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <summary>Records the market's terms now; returns what changed and when it was seen, while a change is on record.</summary>
    public (string What, DateTimeOffset SeenAt)? Observe(MarketSnapshot market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(market);
        var terms = MarketTerms.Of(market);
        var seen = _seen.AddOrUpdate(
            market.Ticker,
            _ => new Seen(terms, null, null),
            (_, known) => terms == known.Terms ? known : new Seen(terms, terms.ChangesFrom(known.Terms), now));
        return seen.Change is { } what && seen.ChangedAt is { } at ? (what, at) : null;
    }

    /// <summary>Forgets every market not in <paramref name="open"/>.</summary>
    public void Retain(IEnumerable<string> open)
    {
        var keep = open.ToHashSet(StringComparer.Ordinal);
        foreach (var ticker in _seen.Keys)
        {
            if (!keep.Contains(ticker))
            {
                _seen.TryRemove(ticker, out _);
            }
        }
    }

    private sealed record Seen(MarketTerms Terms, string? Change, DateTimeOffset? ChangedAt);
}
