using System.Collections.Concurrent;

namespace KalshiDesk.Engine.Markets;

/// <summary>
/// The last trades of every market, as the stream delivers them: at most <see cref="MaxTradesPerMarket"/> per market and
/// none older than <see cref="Retention"/> before that market's newest, so 40,000 markets stay a few megabytes.
/// </summary>
public sealed class TradeTape : IRecentTrades
{
    /// <summary>Trades kept per market.</summary>
    public const int MaxTradesPerMarket = 200;

    /// <summary>How far back from a market's newest trade the tape keeps.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, List<RecentTrade>> _byTicker = new(StringComparer.Ordinal);

    /// <summary>Records a trade; prints may arrive slightly out of order and are kept in execution order.</summary>
    public void Add(RecentTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var trades = _byTicker.GetOrAdd(trade.Ticker, _ => []);
        lock (trades)
        {
            var at = trades.Count;
            while (at > 0 && trades[at - 1].ExecutedAt > trade.ExecutedAt)
            {
                at--;
            }

            trades.Insert(at, trade);
            var cutoff = trades[^1].ExecutedAt - Retention;
            var stale = 0;
            while (stale < trades.Count && (trades[stale].ExecutedAt < cutoff || trades.Count - stale > MaxTradesPerMarket))
            {
                stale++;
            }

            trades.RemoveRange(0, stale);
        }
    }

    public IReadOnlyList<RecentTrade> Between(string ticker, DateTimeOffset after, DateTimeOffset upTo)
    {
        if (!_byTicker.TryGetValue(ticker, out var trades))
        {
            return [];
        }

        lock (trades)
        {
            return [.. trades.Where(t => t.ExecutedAt > after && t.ExecutedAt <= upTo)];
        }
    }
}
