using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>
/// One market's book as rebuilt from <c>orderbook_snapshot</c> and <c>orderbook_delta</c>: YES bids and NO bids, each in
/// its own leg's prices (the client subscribes with <c>use_yes_price=false</c>, matching the REST book). Not thread-safe:
/// <see cref="KalshiWebSocketClient"/> guards it.
/// </summary>
public sealed class LocalOrderBook(string marketTicker)
{
    private readonly Dictionary<decimal, decimal> _yesBids = [];
    private readonly Dictionary<decimal, decimal> _noBids = [];

    public string MarketTicker { get; } = marketTicker;

    /// <summary>Replaces the whole book. A side Kalshi left out of the snapshot is empty.</summary>
    public void ApplySnapshot(IEnumerable<BookLevel> yesBids, IEnumerable<BookLevel> noBids)
    {
        Load(_yesBids, yesBids);
        Load(_noBids, noBids);
    }

    /// <summary>
    /// Adds <paramref name="deltaContracts"/> (signed) to the level at (<paramref name="side"/>, <paramref name="price"/>) and
    /// removes the level at zero. Returns false, leaving the book unchanged, when the level would go negative: the book no
    /// longer matches Kalshi's and must be resynchronised.
    /// </summary>
    public bool TryApplyDelta(Side side, Price price, decimal deltaContracts)
    {
        var levels = side == Side.Yes ? _yesBids : _noBids;
        var updated = levels.GetValueOrDefault(price.Dollars) + deltaContracts;
        if (updated < 0m || decimal.Round(updated, 2) != updated)
        {
            return false;
        }

        if (updated == 0m)
        {
            levels.Remove(price.Dollars);
        }
        else
        {
            levels[price.Dollars] = updated;
        }

        return true;
    }

    /// <summary>An immutable copy for readers.</summary>
    public OrderBook ToOrderBook() => new(Levels(_yesBids), Levels(_noBids));

    private static void Load(Dictionary<decimal, decimal> target, IEnumerable<BookLevel> levels)
    {
        target.Clear();
        foreach (var level in levels)
        {
            // Kalshi aggregates per price; should a price repeat, the sizes add up.
            target[level.Price.Dollars] = target.GetValueOrDefault(level.Price.Dollars) + level.Size.Contracts;
        }
    }

    private static List<BookLevel> Levels(Dictionary<decimal, decimal> levels) =>
        [.. levels.Select(l => new BookLevel(Price.FromDollars(l.Key), Quantity.Of(l.Value)))];
}
