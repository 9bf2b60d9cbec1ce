using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// The last book published for each market somebody streams: after each change of the world the current book is diffed
/// against it, so snapshot + deltas always rebuild exactly what <c>GET /markets/{t}/orderbook</c> returns. Only markets
/// with at least one <c>orderbook_delta</c> subscriber are kept. Used under the exchange's lock.
/// </summary>
internal sealed class BookTracker
{
    private readonly Dictionary<string, Baseline> _markets = new(StringComparer.Ordinal);

    public int Count => _markets.Count;

    /// <summary>Starts (or joins) tracking <paramref name="market"/>; its baseline is the book as it is now.</summary>
    public void Track(SandboxMarket market)
    {
        if (_markets.TryGetValue(market.Ticker, out var baseline))
        {
            baseline.Subscribers++;
            return;
        }

        baseline = new Baseline(market) { Subscribers = 1 };
        Load(baseline.YesBids, market, Side.Yes);
        Load(baseline.NoBids, market, Side.No);
        _markets.Add(market.Ticker, baseline);
    }

    public void Release(string ticker)
    {
        if (_markets.TryGetValue(ticker, out var baseline) && --baseline.Subscribers == 0)
        {
            _markets.Remove(ticker);
        }
    }

    /// <summary>Every tracked market's level changes since the last call, YES then NO, each by ascending price; markets that did not move are left out.</summary>
    public Dictionary<string, List<LevelChange>> Diff()
    {
        var changes = new Dictionary<string, List<LevelChange>>(StringComparer.Ordinal);
        foreach (var (ticker, baseline) in _markets)
        {
            var list = new List<LevelChange>();
            Diff(baseline.YesBids, baseline.Market, Side.Yes, list);
            Diff(baseline.NoBids, baseline.Market, Side.No, list);
            if (list.Count > 0)
            {
                changes.Add(ticker, list);
            }
        }

        return changes;
    }

    private static void Load(Dictionary<Price, decimal> target, SandboxMarket market, Side outcome)
    {
        foreach (var level in market.Book.Levels(outcome))
        {
            target[level.Price] = level.Size.Contracts;
        }
    }

    private static void Diff(Dictionary<Price, decimal> published, SandboxMarket market, Side outcome, List<LevelChange> changes)
    {
        var current = new Dictionary<Price, decimal>();
        Load(current, market, outcome);
        var side = new List<LevelChange>();
        foreach (var (price, size) in current)
        {
            var delta = size - published.GetValueOrDefault(price);
            if (delta != 0m)
            {
                side.Add(new LevelChange(outcome, price, delta));
            }
        }

        foreach (var (price, size) in published)
        {
            if (!current.ContainsKey(price))
            {
                side.Add(new LevelChange(outcome, price, -size));
            }
        }

        side.Sort((a, b) => a.Price.CompareTo(b.Price));
        changes.AddRange(side);
        published.Clear();
        foreach (var (price, size) in current)
        {
            published[price] = size;
        }
    }

    private sealed class Baseline(SandboxMarket market)
    {
        public SandboxMarket Market { get; } = market;

        public Dictionary<Price, decimal> YesBids { get; } = [];

        public Dictionary<Price, decimal> NoBids { get; } = [];

        public int Subscribers { get; set; }
    }
}
