using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// What one cycle knows beyond a single snapshot, gathered before any model runs so that no model does I/O: every
/// scanned market grouped by event, which events are mutually exclusive, the books already at hand and the recent tape.
/// </summary>
public sealed class ForecastContext
{
    private static readonly IReadOnlySet<string> NoEvents = new HashSet<string>(StringComparer.Ordinal);

    private readonly Func<string, IReadOnlyList<MarketSnapshot>> _eventMarkets;
    private readonly IReadOnlySet<string> _exclusive;
    private readonly Func<string, OrderBook?> _books;
    private readonly IRecentTrades? _trades;

    /// <param name="markets">Every market of the cycle: a market's siblings are the ones sharing its event ticker.</param>
    /// <param name="mutuallyExclusiveEvents">Event tickers known to be mutually exclusive; any other event is treated as not.</param>
    /// <param name="books">The book of a ticker when it is already in memory (null when not).</param>
    /// <param name="trades">The recent public tape, when something keeps one.</param>
    public ForecastContext(
        IEnumerable<MarketSnapshot> markets,
        IReadOnlySet<string>? mutuallyExclusiveEvents = null,
        Func<string, OrderBook?>? books = null,
        IRecentTrades? trades = null)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var byEvent = new Dictionary<string, List<MarketSnapshot>>(StringComparer.Ordinal);
        foreach (var market in markets)
        {
            if (!byEvent.TryGetValue(market.EventTicker, out var siblings))
            {
                byEvent[market.EventTicker] = siblings = [];
            }

            siblings.Add(market);
        }

        _eventMarkets = e => byEvent.TryGetValue(e, out var found) ? found : [];
        _exclusive = mutuallyExclusiveEvents ?? NoEvents;
        _books = books ?? (_ => null);
        _trades = trades;
    }

    /// <summary>
    /// A context over markets kept elsewhere and updated as they change (a replay's latest snapshots): the event's
    /// markets are looked up when a model asks, not copied.
    /// </summary>
    /// <param name="eventMarkets">The markets of an event ticker as known now (empty when none).</param>
    public ForecastContext(
        Func<string, IReadOnlyList<MarketSnapshot>> eventMarkets,
        IReadOnlySet<string>? mutuallyExclusiveEvents,
        Func<string, OrderBook?>? books,
        IRecentTrades? trades)
    {
        ArgumentNullException.ThrowIfNull(eventMarkets);
        _eventMarkets = eventMarkets;
        _exclusive = mutuallyExclusiveEvents ?? NoEvents;
        _books = books ?? (_ => null);
        _trades = trades;
    }

    private ForecastContext(ForecastContext inner, string ticker, OrderBook book)
    {
        _eventMarkets = inner._eventMarkets;
        _exclusive = inner._exclusive;
        _trades = inner._trades;
        var rest = inner._books;
        _books = t => string.Equals(t, ticker, StringComparison.Ordinal) ? book : rest(t);
    }

    /// <summary>A context that knows only the market itself: no siblings, book or tape.</summary>
    public static ForecastContext Empty { get; } = new([]);

    /// <summary>The cycle's markets in <paramref name="eventTicker"/>, in scan order (including the one asked about).</summary>
    public IReadOnlyList<MarketSnapshot> EventMarkets(string eventTicker) => _eventMarkets(eventTicker);

    /// <summary>Whether the exchange says at most one market of <paramref name="eventTicker"/> can resolve YES.</summary>
    public bool IsMutuallyExclusive(string eventTicker) => _exclusive.Contains(eventTicker);

    /// <summary>The book of <paramref name="ticker"/> when the cycle has it, else null.</summary>
    public OrderBook? Book(string ticker) => _books(ticker);

    /// <summary>Trades of <paramref name="ticker"/> in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first; empty without a tape.</summary>
    public IReadOnlyList<RecentTrade> Trades(string ticker, DateTimeOffset after, DateTimeOffset upTo) =>
        _trades?.Between(ticker, after, upTo) ?? [];

    /// <summary>This context with <paramref name="book"/> as the book of <paramref name="ticker"/> (the rest shared, not copied).</summary>
    public ForecastContext WithBook(string ticker, OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(book);
        return new ForecastContext(this, ticker, book);
    }
}
