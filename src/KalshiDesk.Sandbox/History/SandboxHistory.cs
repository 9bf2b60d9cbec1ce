using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.History;

/// <summary>
/// Records the simulated world as a backtest file: the world <c>kalshidesk sandbox --seed --markets</c> builds, moved
/// step by step on its own clock from <see cref="SandboxHistoryOptions.Start"/>, each market observed every
/// <see cref="SandboxHistoryOptions.Every"/> while it trades, and the markets that settle within the span written as the
/// settled-markets CSV the backtests and the Sandbox's replay read. The same options write the same bytes.
/// </summary>
public static class SandboxHistory
{
    /// <summary>The settled-markets columns, then the event and the best YES bid and ask (readers that do not know them ignore them).</summary>
    public const string Header = "ticker,category,price,outcome,close_time,observed_at,event_ticker,yes_bid,yes_ask,last_price";

    /// <summary>Writes the recording to <paramref name="output"/> (LF line ends, invariant culture, UTC times with 'Z').</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static SandboxHistorySummary Record(SandboxHistoryOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var run = Run(options);
        output.Write(Header);
        output.Write('\n');
        foreach (var row in run.Rows)
        {
            output.Write(Line(row, run.Outcomes[row.Ticker]));
            output.Write('\n');
        }

        output.Flush();
        return new SandboxHistorySummary(run.Outcomes.Count, run.Rows.Count, options.Start, options.End);
    }

    /// <summary>Runs the world over the span: the rows of the markets that settled within it, their outcomes, and the exchange as it stands at the end.</summary>
    internal static HistoryRun Run(SandboxHistoryOptions options)
    {
        options.Validate();
        var clock = new HistoryClock(options.Start);
        var exchange = new SandboxExchange(new SandboxOptions { Seed = options.Seed, Markets = options.Markets, TickInterval = TimeSpan.Zero }, clock);
        var end = options.End;
        var observed = new List<HistoryRow>();
        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var now = options.Start; now <= end; now += options.Step)
        {
            if (now > options.Start)
            {
                clock.MoveTo(now);
                exchange.Tick();
            }

            var at = now;
            exchange.Inspect(() => Observe(exchange.World, at, options.Every, due, observed));
        }

        // Markets that settle after the last step but by the end still count.
        clock.MoveTo(end);
        exchange.CatchUp();
        var outcomes = new Dictionary<string, bool>(StringComparer.Ordinal);
        exchange.Inspect(() =>
        {
            foreach (var market in exchange.World.Markets)
            {
                if (market is { Status: MarketStatus.Finalized, Result: { } yesWon, SettledTime: { } settled } && settled <= end && due.ContainsKey(market.Ticker))
                {
                    outcomes.Add(market.Ticker, yesWon);
                }
            }
        });

        return new HistoryRun(exchange, [.. observed.Where(r => outcomes.ContainsKey(r.Ticker))], outcomes);
    }

    /// <summary>Every trading market whose observation is due, in ticker order; the next one falls <paramref name="every"/> later.</summary>
    private static void Observe(SandboxWorld world, DateTimeOffset now, TimeSpan every, Dictionary<string, DateTimeOffset> due, List<HistoryRow> rows)
    {
        foreach (var market in world.Markets)
        {
            if (!market.IsTrading || (due.TryGetValue(market.Ticker, out var next) && next > now))
            {
                continue;
            }

            due[market.Ticker] = now + every;
            var bid = market.Book.BestBid(Side.Yes);
            var ask = market.Book.BestBid(Side.No)?.Complement;
            var last = market.LastPrice.Dollars > 0m ? market.LastPrice : (Price?)null;
            rows.Add(new HistoryRow(market.Ticker, market.Event.EventTicker, market.Series.Category, now, market.CloseTime, PriceOf(market), bid, ask, last));
        }
    }

    /// <summary>The YES mid to the cent (1–99¢); the last trade when a side of the book is empty, the makers' centre before any trade.</summary>
    private static Price PriceOf(SandboxMarket market)
    {
        var yes = market.Mid ?? (market.LastPrice.Dollars > 0m ? market.LastPrice.Dollars : market.QuoteCentre.Dollars);
        return Price.FromDollars(Math.Clamp(Math.Round(yes, 2, MidpointRounding.AwayFromZero), 0.01m, 0.99m));
    }

    private static string Line(HistoryRow row, bool yesWon) => string.Join(
        ',',
        row.Ticker,
        row.Category,
        Dollars(row.Price),
        yesWon ? "yes" : "no",
        Time(row.CloseTime),
        Time(row.ObservedAt),
        row.EventTicker,
        row.YesBid is { } bid ? Dollars(bid) : string.Empty,
        row.YesAsk is { } ask ? Dollars(ask) : string.Empty,
        row.LastPrice is { } last ? Dollars(last) : string.Empty);

    private static string Dollars(Price price) => price.Dollars.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
