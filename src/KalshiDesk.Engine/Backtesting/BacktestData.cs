using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>One recorded look at a market: its YES quote (and last trade) at <paramref name="At"/>.</summary>
/// <param name="YesBid">The best YES bid: a YES seller gets this, a NO buyer pays 1 − this.</param>
/// <param name="YesAsk">The best YES ask: what a YES buyer pays.</param>
/// <param name="LastPrice">The last traded YES price, when known.</param>
/// <param name="Volume">Contracts traded over the market's life so far.</param>
public sealed record BacktestObservation(DateTimeOffset At, Price YesBid, Price YesAsk, Price? LastPrice, Quantity Volume);

/// <summary>
/// One recorded market: what the desk could have known of it, observation by observation, and how it resolved. The
/// outcome and settlement time are the backtester's alone: no model or calibrator is shown them before
/// <see cref="SettledAt"/>.
/// </summary>
/// <param name="Observations">The quotes over time, oldest first.</param>
/// <param name="Trades">The public tape, oldest first (empty when the recording has none).</param>
public sealed record BacktestMarket(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string Title,
    string Category,
    DateTimeOffset CloseTime,
    DateTimeOffset SettledAt,
    bool YesWon,
    FeeSchedule Fees,
    IReadOnlyList<BacktestObservation> Observations,
    IReadOnlyList<RecentTrade> Trades)
{
    /// <summary>The event of a Kalshi ticker: everything before its last '-' (<c>KXHIGHNY-26NOV24-T60</c> → <c>KXHIGHNY-26NOV24</c>).</summary>
    public static string EventOf(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var dash = ticker.LastIndexOf('-');
        return dash > 0 ? ticker[..dash] : ticker;
    }

    /// <summary>The series of a Kalshi ticker: everything before its first '-' (<c>KXHIGHNY-26NOV24-T60</c> → <c>KXHIGHNY</c>).</summary>
    public static string SeriesOf(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var dash = ticker.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? ticker[..dash] : ticker;
    }
}

/// <summary>A recording to replay: its markets, and the events known to be mutually exclusive (one winner at most).</summary>
/// <param name="Source">Where it came from, as shown in reports ("samples/backtest/settled.csv").</param>
public sealed record BacktestData(string Source, IReadOnlyList<BacktestMarket> Markets)
{
    /// <summary>Event tickers whose markets can resolve YES at most once.</summary>
    public IReadOnlySet<string> MutuallyExclusiveEvents { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Market updates in the recording: every observation of every market.</summary>
    public long Updates => Markets.Sum(m => (long)m.Observations.Count);

    /// <summary>The first observation, or null for an empty recording.</summary>
    public DateTimeOffset? Start => Markets.Count == 0 ? null : Markets.Min(m => m.Observations[0].At);

    /// <summary>The last settlement, or null for an empty recording.</summary>
    public DateTimeOffset? End => Markets.Count == 0 ? null : Markets.Max(m => m.SettledAt);
}
