using System.Globalization;
using System.Text;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting.Cli;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// Reads a recording saved as Kalshi's own REST responses (OpenAPI 3.27.0, and the integer-cent fields of the 3.8.0
/// generation): a folder of <c>*.json</c> files, in subfolders or not, each told apart by its top-level property, never by
/// its name.
/// <list type="bullet">
/// <item><c>{"markets":[Market…],"cursor"}</c> (<c>GET /markets</c>, <c>/historical/markets</c>) and <c>{"market":Market}</c>
/// (<c>GET /markets/{ticker}</c>, <c>/historical/markets/{ticker}</c>): what each market is and how it resolved.</item>
/// <item><c>{"ticker","candlesticks":[…]}</c> (<c>GET /series/{s}/markets/{t}/candlesticks</c>,
/// <c>/historical/markets/{t}/candlesticks</c>) and <c>{"markets":[{"market_ticker","candlesticks":[…]}]}</c>
/// (<c>GET /markets/candlesticks</c>): the price path, one observation per candle.</item>
/// <item><c>{"trades":[Trade…],"cursor"}</c> (<c>GET /markets/trades</c>, <c>/historical/trades</c>): the public tape.</item>
/// <item><c>{"series":Series}</c> or <c>{"series":[Series…]}</c> (<c>GET /series/{s}</c>, <c>GET /series</c>), optional:
/// each series' category and fees.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>A market is replayed when it resolved <c>yes</c> or <c>no</c>; any other result (scalar, void, not yet
/// determined) leaves it out, as does having neither a quoted candle nor a trade. It settles at <c>settlement_ts</c>, else
/// at <c>close_time</c>. Its category is the market's or its series' <c>category</c>, else the series ticker; its fees are
/// the market's or its series' <c>fee_type</c>/<c>fee_multiplier</c>, else the general schedule.</para>
/// <para>Each candle is seen at its <c>end_period_ts</c> (the inclusive end of its period) with the closing YES bid and
/// ask: <c>yes_bid.close_dollars</c>/<c>yes_ask.close_dollars</c> on live candles, <c>yes_bid.close</c> on historical ones
/// (a dollar string there; integer cents on 3.8.0 candles). A side without a close, a bid of 0 or an ask of 1 is a side
/// nobody quoted, and a candle without both sides is skipped. The last price is the period's last trade, else the last one
/// before it; the volume is the sum of the candles' volumes so far.</para>
/// <para>A market with trades but no quoted candle is seen at each trade. A trade only shows one side of the book, the side
/// its taker hit: a YES taker lifted the ask, so the ask is the trade price and the bid is taken one cent below it (the
/// tightest book that could have printed it); a NO taker hit the bid, and the ask is taken one cent above. At 1¢ or 99¢
/// the quote collapses to the trade price.</para>
/// <para>Anything that cannot be read is refused with the file and the JSON path: malformed JSON, a missing required
/// field, a price outside 0–1, a candle or trade after its market's close, a candle or trade of a market no file
/// describes, or a file that is none of these responses.</para>
/// </remarks>
public sealed class KalshiJsonRecording
{
    /// <summary>How far the unseen side of a trade-only quote is taken from the trade: one cent, Kalshi's usual tick.</summary>
    public const decimal TradeQuoteTick = 0.01m;

    private KalshiJsonRecording(BacktestData data) => Data = data;

    /// <summary>The markets to replay.</summary>
    public BacktestData Data { get; }

    /// <summary>The files read, in the order read.</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Markets described but not replayed, by ticker, with why ("result scalar", "no quoted candle or trade").</summary>
    public IReadOnlyDictionary<string, string> LeftOut { get; private init; } = new Dictionary<string, string>();

    /// <summary>Candles of replayed markets skipped for want of a two-sided quote.</summary>
    public int SkippedCandles { get; private init; }

    /// <summary>Candles seen twice (same market, same <c>end_period_ts</c>, e.g. overlapping saves); the first is kept.</summary>
    public int DuplicateCandles { get; private init; }

    /// <summary>Trades seen twice (same <c>trade_id</c>); the first is kept.</summary>
    public int DuplicateTrades { get; private init; }

    /// <summary>Replayed markets whose observations come from their trades, having no quoted candle.</summary>
    public IReadOnlyList<string> SeenThroughTrades { get; private init; } = [];

    /// <summary>A folder of saved responses (subfolders included).</summary>
    public static BacktestData Load(string directory) => Read(directory).Data;

    /// <summary>One saved response file on its own (it has to describe markets and their prices, or fail as a folder would).</summary>
    public static BacktestData LoadFile(string path) => Read(path).Data;

    /// <summary>A folder of saved responses, or one <c>.json</c> file, with what was left out.</summary>
    public static KalshiJsonRecording Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] names;
        if (Directory.Exists(path))
        {
            names = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        }
        else if (File.Exists(path))
        {
            names = [path];
        }
        else
        {
            throw new ForecastInputException($"{path}: no such folder or file");
        }

        var files = new List<(string, string)>(names.Length);
        foreach (var name in names)
        {
            try
            {
                files.Add((name, File.ReadAllText(name, Encoding.UTF8)));
            }
            catch (IOException ex)
            {
                throw new ForecastInputException($"{name}: cannot be read ({ex.Message})");
            }
        }

        return Parse(files, path);
    }

    /// <summary>Reads saved responses given as (name, JSON text); <paramref name="source"/> names the recording.</summary>
    public static KalshiJsonRecording Parse(IEnumerable<(string Name, string Json)> files, string source)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(source);
        var reader = new Reader();
        var names = new List<string>();
        foreach (var (name, json) in files)
        {
            names.Add(name);
            reader.ReadFile(name, json);
        }

        return reader.Build(source, names);
    }

    /// <summary>One line for a report: what was read and what was left out.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Files.Count} files, {Data.Markets.Count} markets, {Data.Updates} observations");
        if (SeenThroughTrades.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({SeenThroughTrades.Count} seen through their trades)");
        }

        if (LeftOut.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; left out {LeftOut.Count}: ");
            text.AppendJoin(", ", LeftOut.Select(p => $"{p.Key} ({p.Value})"));
        }

        if (SkippedCandles > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; skipped {SkippedCandles} candles without a two-sided quote");
        }

        if (DuplicateCandles + DuplicateTrades > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; ignored {DuplicateCandles} repeated candles and {DuplicateTrades} repeated trades");
        }

        return text.ToString();
    }

    private sealed record MarketInfo(
        string Ticker, string EventTicker, string? SeriesTicker, string Title, string? Category, DateTimeOffset CloseTime,
        DateTimeOffset SettledAt, string Result, FeeSchedule? Fees, string Where);

    private sealed record SeriesInfo(string? Category, FeeSchedule? Fees);

    private sealed record Candle(DateTimeOffset At, Price? Bid, Price? Ask, Price? Last, decimal Volume, string Where);

    private sealed record Print(RecentTrade Trade, string Where);

    private sealed class Reader
    {
        private readonly Dictionary<string, MarketInfo> _markets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SeriesInfo> _series = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Candle>> _candles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Print>> _trades = new(StringComparer.Ordinal);
        private readonly HashSet<string> _tradeIds = new(StringComparer.Ordinal);
        private int _duplicateTrades;

        public void ReadFile(string name, string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException ex)
            {
                // The reader's message ends with its own " LineNumber: … | BytePositionInLine: …", given here 1-based instead.
                var reason = ex.Message.Split(" LineNumber:", 2)[0].Trim();
                throw new ForecastInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {ex.Path ?? "$"}: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {reason}"));
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Fail(name, "$", $"is {Kind(root)}; a saved Kalshi response is an object");
                }

                if (root.TryGetProperty("candlesticks", out _))
                {
                    var ticker = RequiredString(root, "ticker", name, "$");
                    ReadCandles(root.GetProperty("candlesticks"), ticker, name, "$.candlesticks");
                }
                else if (root.TryGetProperty("markets", out var markets))
                {
                    var list = Array(markets, name, "$.markets");
                    var batch = list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object && list[0].TryGetProperty("candlesticks", out _);
                    var i = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        var path = $"$.markets[{i++}]";
                        if (batch)
                        {
                            var obj = Object(item, name, path);
                            var ticker = RequiredString(obj, "market_ticker", name, path);
                            ReadCandles(Required(obj, "candlesticks", name, path), ticker, name, path + ".candlesticks");
                        }
                        else
                        {
                            ReadMarket(item, name, path);
                        }
                    }
                }
                else if (root.TryGetProperty("market", out var market))
                {
                    ReadMarket(market, name, "$.market");
                }
                else if (root.TryGetProperty("trades", out var trades))
                {
                    var i = 0;
                    foreach (var trade in Array(trades, name, "$.trades").EnumerateArray())
                    {
                        ReadTrade(trade, name, $"$.trades[{i++}]");
                    }
                }
                else if (root.TryGetProperty("series", out var series))
                {
                    if (series.ValueKind == JsonValueKind.Array)
                    {
                        var i = 0;
                        foreach (var one in series.EnumerateArray())
                        {
                            ReadSeries(one, name, $"$.series[{i++}]");
                        }
                    }
                    else
                    {
                        ReadSeries(series, name, "$.series");
                    }
                }
                else
                {
                    throw Fail(name, "$", "is not a Kalshi markets, market, candlesticks, trades or series response (it has none of "
                        + "\"markets\", \"market\", \"candlesticks\", \"trades\", \"series\")");
                }
            }
        }

        private void ReadMarket(JsonElement element, string file, string path)
        {
            var market = Object(element, file, path);
            var ticker = RequiredString(market, "ticker", file, path);
            var eventTicker = RequiredString(market, "event_ticker", file, path);
            var close = RequiredTime(market, "close_time", file, path);
            var settled = OptionalTime(market, "settlement_ts", file, path) ?? close;
            var result = market.TryGetProperty("result", out var r) && r.ValueKind is JsonValueKind.String or JsonValueKind.Null
                ? r.GetString() ?? string.Empty
                : throw Fail(file, $"{path}.result", r.ValueKind == JsonValueKind.Undefined ? "is missing" : $"is {Kind(r)}, not a string");
            var title = OptionalString(market, "title", file, path) ?? OptionalString(market, "yes_sub_title", file, path) ?? ticker;
            var info = new MarketInfo(
                ticker, eventTicker, OptionalString(market, "series_ticker", file, path), title, OptionalString(market, "category", file, path),
                close, settled, result, Fees(market, file, path), $"{file}: {path}");
            if (_markets.TryGetValue(ticker, out var known))
            {
                // The same market saved twice (a list page and its own response) must tell the same story.
                if (known.CloseTime != info.CloseTime || known.SettledAt != info.SettledAt || known.Result != info.Result)
                {
                    throw Fail(file, path, $"describes {ticker} differently from {known.Where} (close_time, settlement_ts or result)");
                }

                return;
            }

            _markets.Add(ticker, info);
        }

        private void ReadSeries(JsonElement element, string file, string path)
        {
            var series = Object(element, file, path);
            var ticker = RequiredString(series, "ticker", file, path);
            _series[ticker] = new SeriesInfo(OptionalString(series, "category", file, path), Fees(series, file, path));
        }

        private void ReadCandles(JsonElement element, string ticker, string file, string path)
        {
            var list = _candles.TryGetValue(ticker, out var known) ? known : _candles[ticker] = [];
            var i = 0;
            foreach (var item in Array(element, file, path).EnumerateArray())
            {
                var at = $"{path}[{i++}]";
                var candle = Object(item, file, at);
                var end = Required(candle, "end_period_ts", file, at);
                if (end.ValueKind != JsonValueKind.Number || !end.TryGetInt64(out var seconds) || seconds is < 0 or > 253402300799L)
                {
                    throw Fail(file, $"{at}.end_period_ts", $"{Shown(end)} is not a time in Unix seconds");
                }

                list.Add(new Candle(
                    DateTimeOffset.FromUnixTimeSeconds(seconds),
                    Close(candle, "yes_bid", file, at) is { Dollars: > 0m } bid ? bid : null,   // a bid of 0 is nobody bidding
                    Close(candle, "yes_ask", file, at) is { Dollars: < 1m } ask ? ask : null,   // an ask of 1 is nobody offering
                    Close(candle, "price", file, at) ?? Previous(candle, file, at),
                    Volume(candle, file, at),
                    $"{file}: {at}"));
            }
        }

        private void ReadTrade(JsonElement element, string file, string path)
        {
            var trade = Object(element, file, path);
            var ticker = RequiredString(trade, "ticker", file, path);
            var price = Dollars(trade, "yes_price_dollars", "yes_price", file, path)
                ?? throw Fail(file, $"{path}.yes_price_dollars", "is missing");
            var count = Count(trade, "count_fp", "count", file, path) ?? throw Fail(file, $"{path}.count_fp", "is missing");
            var side = TakerSide(trade, file, path);
            var time = RequiredTime(trade, "created_time", file, path);
            if (OptionalString(trade, "trade_id", file, path) is { } id && !_tradeIds.Add(id))
            {
                _duplicateTrades++;
                return;
            }

            var list = _trades.TryGetValue(ticker, out var known) ? known : _trades[ticker] = [];
            list.Add(new Print(new RecentTrade(ticker, price, Quantity.Of(count), side, time), $"{file}: {path}"));
        }

        public KalshiJsonRecording Build(string source, List<string> files)
        {
            // Prices of a market nobody described cannot be placed: it has no close, no outcome.
            foreach (var (ticker, candles) in _candles)
            {
                if (!_markets.ContainsKey(ticker) && candles.Count > 0)
                {
                    throw new ForecastInputException($"{candles[0].Where}: a candle of {ticker}, which no markets or market response describes");
                }
            }

            foreach (var (ticker, trades) in _trades)
            {
                if (!_markets.ContainsKey(ticker))
                {
                    throw new ForecastInputException($"{trades[0].Where}: a trade of {ticker}, which no markets or market response describes");
                }
            }

            if (_markets.Count == 0)
            {
                throw new ForecastInputException($"{source}: no market found in {files.Count} JSON files; save a GET /markets or /historical/markets "
                    + "response (or GET /markets/{ticker}) with the candles and trades");
            }

            var markets = new List<BacktestMarket>();
            var leftOut = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var viaTrades = new List<string>();
            var (skipped, duplicates) = (0, 0);
            foreach (var info in _markets.Values.OrderBy(m => m.Ticker, StringComparer.Ordinal))
            {
                var candles = Ordered(info, _candles.GetValueOrDefault(info.Ticker) ?? [], out var repeated);
                var trades = (_trades.GetValueOrDefault(info.Ticker) ?? []).OrderBy(p => p.Trade.ExecutedAt).ToList();
                if (trades.FirstOrDefault(p => p.Trade.ExecutedAt > info.CloseTime) is { } print)
                {
                    throw new ForecastInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{print.Where}.created_time: {print.Trade.ExecutedAt:yyyy-MM-dd'T'HH:mm:ss'Z'} is after {info.Ticker} closed at {info.CloseTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
                }

                if (info.Result is not ("yes" or "no"))
                {
                    leftOut[info.Ticker] = info.Result.Length == 0 ? "no result" : $"result {info.Result}";
                    continue;
                }

                duplicates += repeated;
                var observations = new List<BacktestObservation>(candles.Count);
                var volume = 0m;
                var unquoted = 0;
                foreach (var candle in candles)
                {
                    volume += candle.Volume;
                    if (candle.Bid is not { } bid || candle.Ask is not { } ask)
                    {
                        unquoted++;
                        continue;
                    }

                    if (bid > ask)
                    {
                        throw new ForecastInputException(string.Create(CultureInfo.InvariantCulture,
                            $"{candle.Where}.yes_bid: the closing bid {bid.Dollars} is above the closing ask {ask.Dollars}; a book cannot be crossed"));
                    }

                    observations.Add(new BacktestObservation(candle.At, bid, ask, candle.Last, Quantity.Of(volume)));
                }

                skipped += unquoted;
                if (observations.Count == 0 && trades.Count > 0)
                {
                    observations.AddRange(FromTrades(trades));
                    viaTrades.Add(info.Ticker);
                }

                if (observations.Count == 0)
                {
                    leftOut[info.Ticker] = candles.Count > 0 ? "no candle with a two-sided quote, and no trade" : "no candle or trade";
                    continue;
                }

                var series = info.SeriesTicker ?? BacktestMarket.SeriesOf(info.Ticker);
                var seriesInfo = _series.GetValueOrDefault(series);
                markets.Add(new BacktestMarket(
                    info.Ticker, info.EventTicker, series, info.Title, info.Category ?? seriesInfo?.Category ?? series, info.CloseTime, info.SettledAt,
                    info.Result == "yes", info.Fees ?? seriesInfo?.Fees ?? FeeSchedule.Standard, observations, [.. trades.Select(p => p.Trade)]));
            }

            if (markets.Count == 0)
            {
                throw new ForecastInputException($"{source}: no market to replay: all {leftOut.Count} were left out ("
                    + string.Join(", ", leftOut.Select(p => $"{p.Key}: {p.Value}")) + ")");
            }

            return new KalshiJsonRecording(new BacktestData(source, markets))
            {
                Files = files,
                LeftOut = leftOut,
                SkippedCandles = skipped,
                DuplicateCandles = duplicates,
                DuplicateTrades = _duplicateTrades,
                SeenThroughTrades = viaTrades,
            };
        }

        // A market's candles oldest first, one per end_period_ts; none may end after the market closed.
        private static List<Candle> Ordered(MarketInfo info, List<Candle> candles, out int repeated)
        {
            var seen = new HashSet<DateTimeOffset>();
            var ordered = new List<Candle>(candles.Count);
            repeated = 0;
            foreach (var candle in candles.OrderBy(c => c.At))
            {
                if (candle.At > info.CloseTime)
                {
                    throw new ForecastInputException(string.Create(CultureInfo.InvariantCulture,
                        $"{candle.Where}.end_period_ts: {candle.At:yyyy-MM-dd'T'HH:mm:ss'Z'} is after {info.Ticker} closed at {info.CloseTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
                }

                if (seen.Add(candle.At))
                {
                    ordered.Add(candle);
                }
                else
                {
                    repeated++;
                }
            }

            return ordered;
        }

        private static IEnumerable<BacktestObservation> FromTrades(List<Print> trades)
        {
            var volume = Quantity.Zero;
            foreach (var (trade, _) in trades)
            {
                var p = trade.YesPrice.Dollars;
                volume += trade.Count;
                var (bid, ask) = trade.TakerSide == Side.Yes
                    ? (p - TradeQuoteTick >= TradeQuoteTick ? p - TradeQuoteTick : p, p)
                    : (p, p + TradeQuoteTick <= 1m - TradeQuoteTick ? p + TradeQuoteTick : p);
                yield return new BacktestObservation(trade.ExecutedAt, Price.FromDollars(bid), Price.FromDollars(ask), trade.YesPrice, volume);
            }
        }

        // A quote's closing price: close_dollars (live), else close (a dollar string on historical candles, cents on 3.8.0 ones).
        private static Price? Close(JsonElement candle, string side, string file, string path)
        {
            if (!candle.TryGetProperty(side, out var ohlc) || ohlc.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return Dollars(Object(ohlc, file, $"{path}.{side}"), "close_dollars", "close", file, $"{path}.{side}");
        }

        private static Price? Previous(JsonElement candle, string file, string path) =>
            candle.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Object
                ? Dollars(price, "previous_dollars", "previous", file, $"{path}.price")
                : null;

        private static decimal Volume(JsonElement candle, string file, string path) =>
            Count(candle, "volume_fp", "volume", file, path) ?? 0m;

        /// <summary>
        /// A YES price: the <paramref name="dollars"/> string ("0.5600"), else <paramref name="legacy"/>, a dollar string
        /// (historical candles) or integer cents (the pre-2026-03 fields). Null or absent is null; anything else outside
        /// 0–1 dollars is refused.
        /// </summary>
        private static Price? Dollars(JsonElement obj, string dollars, string legacy, string file, string path)
        {
            if (obj.TryGetProperty(dollars, out var text) && text.ValueKind != JsonValueKind.Null)
            {
                return text.ValueKind == JsonValueKind.String
                    ? PriceOf(text.GetString()!, file, $"{path}.{dollars}")
                    : throw Fail(file, $"{path}.{dollars}", $"{Shown(text)} is not a dollar string such as \"0.5600\"");
            }

            if (!obj.TryGetProperty(legacy, out var old) || old.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (old.ValueKind == JsonValueKind.String)
            {
                return PriceOf(old.GetString()!, file, $"{path}.{legacy}");
            }

            return old.ValueKind == JsonValueKind.Number && old.TryGetInt32(out var cents) && cents is >= 0 and <= 100
                ? Price.FromDollars(cents / 100m)
                : throw Fail(file, $"{path}.{legacy}", $"{Shown(old)} is not a price between 0 and 100 cents");
        }

        private static Price PriceOf(string text, string file, string path) =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0m and <= 1m
                ? Price.FromDollars(value)
                : throw Fail(file, path, $"\"{Cut(text)}\" is not a price between 0 and 1 dollars");

        // A count of contracts: the fixed-point string (count_fp, volume_fp; volume on historical candles), else a 3.8.0 integer.
        private static decimal? Count(JsonElement obj, string fixedPoint, string legacy, string file, string path)
        {
            foreach (var name in (ReadOnlySpan<string>)[fixedPoint, legacy])
            {
                if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (value.ValueKind == JsonValueKind.String
                    && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var contracts)
                    && decimal.Round(contracts, 2) == contracts)
                {
                    return contracts;
                }

                if (name == legacy && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) && whole >= 0)
                {
                    return whole;
                }

                throw Fail(file, $"{path}.{name}", $"{Shown(value)} is not a count of contracts such as \"10.00\"");
            }

            return null;
        }

        // The outcome the taker bought: taker_outcome_side, else taker_book_side (bid is YES), else the deprecated taker_side.
        private static Side TakerSide(JsonElement trade, string file, string path)
        {
            if (OptionalString(trade, "taker_outcome_side", file, path) is { } outcome)
            {
                return outcome switch
                {
                    "yes" => Side.Yes,
                    "no" => Side.No,
                    _ => throw Fail(file, $"{path}.taker_outcome_side", $"\"{Cut(outcome)}\" is neither yes nor no"),
                };
            }

            if (OptionalString(trade, "taker_book_side", file, path) is { } book)
            {
                return book switch
                {
                    "bid" => Side.Yes,
                    "ask" => Side.No,
                    _ => throw Fail(file, $"{path}.taker_book_side", $"\"{Cut(book)}\" is neither bid nor ask"),
                };
            }

            return OptionalString(trade, "taker_side", file, path) switch
            {
                "yes" => Side.Yes,
                "no" => Side.No,
                null => throw Fail(file, $"{path}.taker_outcome_side", "is missing (and so are taker_book_side and taker_side)"),
                var other => throw Fail(file, $"{path}.taker_side", $"\"{Cut(other)}\" is neither yes nor no"),
            };
        }

        // fee_type and fee_multiplier, on a series (or on a market, where a recording put them); null when neither is given.
        private static FeeSchedule? Fees(JsonElement obj, string file, string path)
        {
            var type = OptionalString(obj, "fee_type", file, path);
            var hasMultiplier = obj.TryGetProperty("fee_multiplier", out var m) && m.ValueKind != JsonValueKind.Null;
            if (type is null && !hasMultiplier)
            {
                return null;
            }

            var feeType = type switch
            {
                null or "quadratic" => FeeType.Quadratic,
                "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
                "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
                "flat" => FeeType.Flat,
                _ => throw Fail(file, $"{path}.fee_type", $"\"{Cut(type)}\" is not a Kalshi fee type (quadratic, quadratic_with_maker_fees, quadratic_with_combo_maker_fees, flat)"),
            };
            var multiplier = 1m;
            if (hasMultiplier)
            {
                var parsed = m.ValueKind switch
                {
                    JsonValueKind.Number when m.TryGetDecimal(out var d) => d,
                    JsonValueKind.String when decimal.TryParse(m.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
                    _ => (decimal?)null,
                };

                // Kalshi's fee changes keep the multiplier within 0–10.
                multiplier = parsed is >= 0m and <= 10m ? parsed.Value : throw Fail(file, $"{path}.fee_multiplier", $"{Shown(m)} is not a fee multiplier between 0 and 10");
            }

            return new FeeSchedule(feeType, multiplier);
        }

        private static JsonElement Required(JsonElement obj, string name, string file, string path) =>
            obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw Fail(file, $"{path}.{name}", "is missing");

        private static string RequiredString(JsonElement obj, string name, string file, string path) =>
            OptionalString(obj, name, file, path) ?? throw Fail(file, $"{path}.{name}", "is missing");

        private static string? OptionalString(JsonElement obj, string name, string file, string path)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString() is { Length: > 0 } text ? text : null
                : throw Fail(file, $"{path}.{name}", $"is {Kind(value)}, not a string");
        }

        private static DateTimeOffset RequiredTime(JsonElement obj, string name, string file, string path) =>
            OptionalTime(obj, name, file, path) ?? throw Fail(file, $"{path}.{name}", "is missing");

        private static DateTimeOffset? OptionalTime(JsonElement obj, string name, string file, string path)
        {
            var text = OptionalString(obj, name, file, path);
            if (text is null)
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Fail(file, $"{path}.{name}", $"\"{Cut(text)}\" is not a date-time such as \"2026-05-19T14:00:00Z\"");
        }

        private static JsonElement Object(JsonElement element, string file, string path) =>
            element.ValueKind == JsonValueKind.Object ? element : throw Fail(file, path, $"is {Kind(element)}, not an object");

        private static JsonElement Array(JsonElement element, string file, string path) =>
            element.ValueKind == JsonValueKind.Array ? element : throw Fail(file, path, $"is {Kind(element)}, not an array");

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "missing",
        };

        private static string Shown(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"\"{Cut(element.GetString()!)}\"",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => element.GetRawText(),
            _ => Kind(element),
        };

        private static string Cut(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    private static ForecastInputException Fail(string file, string path, string problem) => new($"{file}: {path}: {problem}");
}
