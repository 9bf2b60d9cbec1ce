using System.Globalization;

namespace KalshiDesk.Sandbox.World.Replay;

/// <summary>One recorded market: its price path, when it closed, and how it resolved.</summary>
internal sealed record RecordedMarket(string Ticker, string Category, IReadOnlyList<(DateTimeOffset At, decimal Price)> Path, DateTimeOffset Close, bool Outcome);

/// <summary>
/// Reads recorded markets in the desk's settled-markets CSV (<c>ticker,category,price,outcome[,close_time,observed_at]</c>,
/// the backtest format): one row per observation, <c>price</c> the YES price in dollars, <c>outcome</c> yes/no or 1/0,
/// times ISO 8601. Rows of one ticker make its price path; a ticker without <c>observed_at</c> is one observation a day
/// before its close. Anything malformed is refused with the line and the column.
/// </summary>
internal static class Recording
{
    public static IReadOnlyList<RecordedMarket> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"Sandbox:ReplayPath: {path} does not exist.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<RecordedMarket> Parse(TextReader reader, string name)
    {
        var header = reader.ReadLine() ?? throw Fail(name, 1, "the file is empty; the first line must name the columns");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Column(string column, bool required)
        {
            var index = columns.IndexOf(column);
            return index < 0 && required ? throw Fail(name, 1, $"there is no '{column}' column (need ticker,category,price,outcome[,close_time,observed_at])") : index;
        }

        var (ticker, category, price, outcome) = (Column("ticker", true), Column("category", true), Column("price", true), Column("outcome", true));
        var (close, observed) = (Column("close_time", false), Column("observed_at", false));
        var rows = new Dictionary<string, (string Category, List<(DateTimeOffset? At, decimal Price)> Path, DateTimeOffset? Close, bool Outcome)>(StringComparer.Ordinal);
        var order = new List<string>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var cells = text.Split(',');
            if (cells.Length < columns.Count)
            {
                throw Fail(name, line, $"has {cells.Length} values for {columns.Count} columns");
            }

            var symbol = cells[ticker].Trim();
            if (symbol.Length == 0 || symbol.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
            {
                throw Fail(name, line, $"ticker '{symbol}' is not a Kalshi ticker (letters, digits, '-', '.', '_')");
            }

            if (!decimal.TryParse(cells[price].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yes) || yes is < 0.01m or > 0.99m)
            {
                throw Fail(name, line, $"price '{cells[price].Trim()}' is not a YES price in dollars between 0.01 and 0.99");
            }

            var won = cells[outcome].Trim().ToLowerInvariant() switch
            {
                "yes" or "1" or "true" => true,
                "no" or "0" or "false" => false,
                var other => throw Fail(name, line, $"outcome '{other}' is not yes/no or 1/0"),
            };
            var closeTime = close >= 0 ? Time(cells[close], name, line, "close_time") : null;
            var at = observed >= 0 ? Time(cells[observed], name, line, "observed_at") : null;
            yes = Math.Round(yes, 2, MidpointRounding.AwayFromZero);
            if (!rows.TryGetValue(symbol, out var market))
            {
                market = (cells[category].Trim(), [], closeTime, won);
                rows[symbol] = market;
                order.Add(symbol);
            }
            else if (market.Outcome != won)
            {
                throw Fail(name, line, $"{symbol} resolved {(won ? "yes" : "no")} here but {(market.Outcome ? "yes" : "no")} on an earlier line");
            }

            if (closeTime is not null && market.Close is null)
            {
                rows[symbol] = market with { Close = closeTime };
            }

            market.Path.Add((at, yes));
        }

        if (order.Count == 0)
        {
            throw Fail(name, line, "has no markets");
        }

        var markets = new List<RecordedMarket>(order.Count);
        foreach (var symbol in order)
        {
            var (group, path, closeTime, won) = rows[symbol];
            var end = closeTime ?? path.Max(p => p.At) ?? throw new ArgumentException($"Sandbox:ReplayPath: {name}: {symbol} has neither close_time nor observed_at.");
            var timed = path.Select(p => (At: p.At ?? end.AddDays(-1), p.Price)).OrderBy(p => p.At).ToList();
            if (timed[^1].At > end)
            {
                throw new ArgumentException($"Sandbox:ReplayPath: {name}: {symbol} is observed after its close_time.");
            }

            markets.Add(new RecordedMarket(symbol, group.Length > 0 ? group : "other", timed, end, won));
        }

        return markets;
    }

    private static DateTimeOffset? Time(string cell, string name, int line, string column)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw Fail(name, line, $"{column} '{text}' is not an ISO 8601 time");
    }

    private static ArgumentException Fail(string name, int line, string problem) =>
        new($"Sandbox:ReplayPath: {name} line {line.ToString(CultureInfo.InvariantCulture)}: {problem}.");
}
