using System.Globalization;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// Reads a recording in the settled-markets CSV (<c>ticker,category,price,outcome[,close_time,observed_at]</c>): each row
/// is one observation of a market, executable at <c>price</c> (the YES price; NO at 1 − price) with Kalshi's taker fee.
/// Optional columns make it a recorded price path with a real quote: <c>yes_bid</c> and <c>yes_ask</c> (then YES is
/// bought at the ask and NO at 1 − the bid), <c>event_ticker</c> (else the ticker up to its last '-') and
/// <c>last_price</c>, the last trade's YES price (else <c>price</c>): after news the tape leads the quote.
/// </summary>
/// <remarks>
/// A row without <c>observed_at</c> is seen one day before <c>close_time</c>; a market without <c>close_time</c> closes
/// a day after its last observation. Each market settles at its close with the recorded outcome. A row with neither time
/// cannot be placed on the clock and is refused, as is any malformed value: the message names the file, line and column.
/// </remarks>
public static class SettledCsvRecording
{
    public const string YesBid = "yes_bid";
    public const string YesAsk = "yes_ask";
    public const string EventTicker = "event_ticker";
    public const string LastPrice = "last_price";

    /// <summary>How long before its close a market without <c>observed_at</c> is seen (and after its last look it closes).</summary>
    public static readonly TimeSpan DefaultLead = TimeSpan.FromDays(1);

    /// <summary>Reads <paramref name="path"/>; refuses a malformed file with its line and column.</summary>
    public static BacktestData Load(string path)
    {
        var rows = MarketCsvReader.ReadSettled(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Build(rows, reader, path);
    }

    /// <summary>Parses a recording from <paramref name="text"/>; <paramref name="name"/> names it in messages.</summary>
    public static BacktestData Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = MarketCsvReader.ParseSettled(new StringReader(text), name);
        return Build(rows, new StringReader(text), name);
    }

    private static BacktestData Build(IReadOnlyList<SettledMarketRow> rows, TextReader text, string name)
    {
        var extras = Extras(text, name);
        var markets = new List<BacktestMarket>();
        foreach (var group in rows.GroupBy(r => r.Ticker, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var close = list.Select(r => r.CloseTime).FirstOrDefault(c => c is not null);
            var observations = new List<BacktestObservation>(list.Count);
            foreach (var row in list)
            {
                var at = row.ObservedAt ?? (row.CloseTime ?? close) - DefaultLead
                    ?? throw Fail(name, row.Line, MarketCsvReader.ObservedAt, "the row has neither observed_at nor close_time, so it cannot be placed on the replay's clock");
                if (row.CloseTime is { } own && close is { } first && own != first)
                {
                    throw Fail(name, row.Line, MarketCsvReader.CloseTime, string.Create(CultureInfo.InvariantCulture, $"{own:yyyy-MM-dd'T'HH:mm:ss'Z'}, but {row.Ticker} closes at {first:yyyy-MM-dd'T'HH:mm:ss'Z'} on an earlier line"));
                }

                var price = Price.FromDollars(row.Price);
                var (bid, ask) = (price, price);
                if (extras.Quotes.TryGetValue(row.Line, out var quote))
                {
                    (bid, ask) = quote;
                }

                var last = extras.Lasts.TryGetValue(row.Line, out var traded) ? traded : price;
                observations.Add(new BacktestObservation(at, bid, ask, last, Quantity.Zero));
            }

            observations.Sort((a, b) => a.At.CompareTo(b.At));
            var closeTime = close ?? observations[^1].At + DefaultLead;
            var head = list[0];
            var eventTicker = extras.Events.TryGetValue(head.Line, out var named) ? named : BacktestMarket.EventOf(head.Ticker);
            markets.Add(new BacktestMarket(
                head.Ticker, eventTicker, BacktestMarket.SeriesOf(head.Ticker), head.Ticker, head.Category, closeTime, closeTime, head.YesWon,
                FeeSchedule.Standard, observations, []));
        }

        return new BacktestData(name, markets);
    }

    // The optional columns, by line: a quote where both yes_bid and yes_ask are given, the event ticker and the last trade.
    private static (Dictionary<int, (Price Bid, Price Ask)> Quotes, Dictionary<int, string> Events, Dictionary<int, Price> Lasts) Extras(TextReader text, string name)
    {
        var quotes = new Dictionary<int, (Price, Price)>();
        var events = new Dictionary<int, string>();
        var lasts = new Dictionary<int, Price>();
        var csv = new CsvRecordReader(text, name);
        if (csv.Read() is not { } header)
        {
            return (quotes, events, lasts);
        }

        var columns = header.Values.Select(v => v.Trim().ToLowerInvariant()).ToList();
        var (bidAt, askAt, eventAt, lastAt) = (columns.IndexOf(YesBid), columns.IndexOf(YesAsk), columns.IndexOf(EventTicker), columns.IndexOf(LastPrice));
        if (bidAt < 0 && askAt < 0 && eventAt < 0 && lastAt < 0)
        {
            return (quotes, events, lasts);
        }

        while (csv.Read() is { } record)
        {
            var bid = bidAt >= 0 ? Quote(record, bidAt, YesBid, name) : null;
            var ask = askAt >= 0 ? Quote(record, askAt, YesAsk, name) : null;
            if (bid is { } b && ask is { } a)
            {
                if (b > a)
                {
                    throw Fail(name, record.Line, YesBid, string.Create(CultureInfo.InvariantCulture, $"\"{b.Dollars}\" is above yes_ask {a.Dollars}; a bid cannot cross the ask"));
                }

                quotes[record.Line] = (b, a);
            }
            else if (bid is not null || ask is not null)
            {
                throw Fail(name, record.Line, bid is null ? YesBid : YesAsk, "is empty while the other side of the quote is given; give both or neither");
            }

            if ((lastAt >= 0 ? Quote(record, lastAt, LastPrice, name) : null) is { } traded)
            {
                lasts[record.Line] = traded;
            }

            if (eventAt >= 0 && record.Values[eventAt].Trim() is { Length: > 0 } eventTicker)
            {
                events[record.Line] = eventTicker;
            }
        }

        return (quotes, events, lasts);
    }

    private static Price? Quote(CsvRecord record, int column, string name, string file)
    {
        var text = record.Values[column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars) && dollars is > 0m and < 1m
            ? Price.FromDollars(dollars)
            : throw Fail(file, record.Line, name, $"\"{(text.Length <= 60 ? text : text[..57] + "...")}\" is not a price between 0 and 1");
    }

    private static ForecastInputException Fail(string name, int line, string column, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}, column {column}: {problem}"));
}
