using System.Globalization;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// Reads the forecast command's CSV files: settled markets (<c>ticker,category,price,outcome[,close_time,observed_at]</c>)
/// and open markets (the same without <c>outcome</c>). A header is required; its columns may come in any order, and
/// columns it does not know are ignored. Every row is used or refused: a bad value is reported with its file, line,
/// column and value, e.g. <c>open.csv line 14, column price: "1.7" is not a price between 0 and 1</c>.
/// </summary>
/// <remarks>
/// Values: <c>price</c> the YES price in dollars, strictly between 0 and 1; <c>outcome</c> yes/no or 1/0 (any case);
/// times ISO 8601 (<c>2025-01-10T23:00:00Z</c>, an offset, or a bare date; without an offset UTC is assumed), optional
/// per row. A settled market may have several rows (observations at different prices) but one outcome; an open market
/// is listed once.
/// </remarks>
public static class MarketCsvReader
{
    public const string Ticker = "ticker";
    public const string Category = "category";
    public const string Price = "price";
    public const string Outcome = "outcome";
    public const string CloseTime = "close_time";
    public const string ObservedAt = "observed_at";

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd' 'HH:mm:ssK", "yyyy-MM-dd' 'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Reads the settled markets at <paramref name="path"/> (at least one row), naming the file as given in messages.</summary>
    public static IReadOnlyList<SettledMarketRow> ReadSettled(string path) => Open(path, reader => ParseSettled(reader, path));

    /// <summary>Reads the open markets at <paramref name="path"/> (possibly none), naming the file as given in messages.</summary>
    public static IReadOnlyList<OpenMarketRow> ReadOpen(string path) => Open(path, reader => ParseOpen(reader, path));

    /// <summary>Parses settled markets; <paramref name="name"/> is the file's name in messages.</summary>
    public static IReadOnlyList<SettledMarketRow> ParseSettled(TextReader reader, string name)
    {
        var rows = new List<SettledMarketRow>();
        var outcomes = new Dictionary<string, SettledMarketRow>(StringComparer.Ordinal);
        foreach (var (fields, record, columns) in Rows(reader, name, withOutcome: true))
        {
            var outcomeText = fields[columns.Outcome].Trim();
            var yesWon = outcomeText.ToLowerInvariant() switch
            {
                "yes" or "1" => true,
                "no" or "0" => false,
                _ => throw Fail(name, record.Line, Outcome, $"\"{Shown(outcomeText)}\" is not an outcome (yes/no or 1/0)"),
            };
            var row = new SettledMarketRow(fields.Ticker, fields.Category, fields.Price, yesWon, fields.CloseTime, fields.ObservedAt, record.Line);
            if (outcomes.TryGetValue(row.Ticker, out var earlier))
            {
                if (earlier.YesWon != yesWon)
                {
                    throw Fail(name, record.Line, Outcome, $"\"{Shown(outcomeText)}\", but {row.Ticker} settled {YesNo(earlier.YesWon)} on line {earlier.Line}");
                }
            }
            else
            {
                outcomes.Add(row.Ticker, row);
            }

            rows.Add(row);
        }

        return rows.Count > 0
            ? rows
            : throw new ForecastInputException($"{name}: no settled markets after the header; the history needs at least one row");
    }

    /// <summary>Parses open markets; <paramref name="name"/> is the file's name in messages.</summary>
    public static IReadOnlyList<OpenMarketRow> ParseOpen(TextReader reader, string name)
    {
        var rows = new List<OpenMarketRow>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (fields, record, _) in Rows(reader, name, withOutcome: false))
        {
            if (!lines.TryAdd(fields.Ticker, record.Line))
            {
                throw Fail(name, record.Line, Ticker, $"\"{Shown(fields.Ticker)}\" is already on line {lines[fields.Ticker]}; list each open market once");
            }

            rows.Add(new OpenMarketRow(fields.Ticker, fields.Category, fields.Price, fields.CloseTime, fields.ObservedAt, record.Line));
        }

        return rows;
    }

    private static T Open<T>(string path, Func<TextReader, T> parse)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ForecastInputException($"{path}: is a folder, not a CSV file");
        }

        if (!File.Exists(path))
        {
            // dotnet run starts in the project's folder, not the shell's: say where a relative path was looked for.
            throw new ForecastInputException(Path.IsPathFullyQualified(path)
                ? $"{path}: the file does not exist"
                : $"{path}: the file does not exist (looked for {Path.GetFullPath(path)})");
        }

        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return parse(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ForecastInputException($"{path}: cannot be read ({ex.Message})", ex);
        }
    }

    private static IEnumerable<(CommonFields Fields, CsvRecord Record, Columns Columns)> Rows(TextReader reader, string name, bool withOutcome)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var csv = new CsvRecordReader(reader, name);
        var header = csv.Read() ?? throw new ForecastInputException(
            $"{name}: the file is empty; its first line must name the columns ({Expected(withOutcome)})");
        var columns = Columns.From(header, name, withOutcome);
        csv.ColumnName = index => index < header.Values.Count && header.Values[index].Trim() is { Length: > 0 } known
            ? known.ToLowerInvariant()
            : (index + 1).ToString(CultureInfo.InvariantCulture);
        while (csv.Read() is { } record)
        {
            if (record.Values.Count != header.Values.Count)
            {
                throw new ForecastInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name} line {record.Line}: {record.Values.Count} values for the header's {header.Values.Count} columns"));
            }

            yield return (CommonFields.From(record, columns, name), record, columns);
        }
    }

    private static string Expected(bool withOutcome) =>
        withOutcome ? "ticker,category,price,outcome[,close_time,observed_at]" : "ticker,category,price[,close_time,observed_at]";

    private static string YesNo(bool yes) => yes ? "yes" : "no";

    // Long values are cut so the message stays one readable line.
    private static string Shown(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static ForecastInputException Fail(string name, int line, string column, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}, column {column}: {problem}"));

    private sealed record Columns(int Ticker, int Category, int Price, int Outcome, int CloseTime, int ObservedAt)
    {
        public static Columns From(CsvRecord header, string name, bool withOutcome)
        {
            var indices = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Values.Count; i++)
            {
                var column = header.Values[i].Trim().ToLowerInvariant();
                if (column.Length > 0 && !indices.TryAdd(column, i))
                {
                    throw new ForecastInputException(string.Create(CultureInfo.InvariantCulture, $"{name} line {header.Line}: column \"{column}\" appears twice"));
                }
            }

            int Required(string column) => indices.TryGetValue(column, out var index)
                ? index
                : throw new ForecastInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name} line {header.Line}: no \"{column}\" column; the header must name {(withOutcome ? "ticker, category, price, outcome" : "ticker, category, price")} and may add close_time, observed_at"));

            return new Columns(
                Required(MarketCsvReader.Ticker),
                Required(MarketCsvReader.Category),
                Required(MarketCsvReader.Price),
                withOutcome ? Required(MarketCsvReader.Outcome) : -1,
                indices.GetValueOrDefault(MarketCsvReader.CloseTime, -1),
                indices.GetValueOrDefault(MarketCsvReader.ObservedAt, -1));
        }
    }

    private sealed record CommonFields(string Ticker, string Category, decimal Price, DateTimeOffset? CloseTime, DateTimeOffset? ObservedAt, IReadOnlyList<string> Values)
    {
        public string this[int index] => Values[index];

        public static CommonFields From(CsvRecord record, Columns columns, string name)
        {
            var values = record.Values;
            var line = record.Line;
            var ticker = values[columns.Ticker].Trim();
            if (ticker.Length == 0)
            {
                throw Fail(name, line, MarketCsvReader.Ticker, "the ticker is empty");
            }

            if (ticker.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
            {
                throw Fail(name, line, MarketCsvReader.Ticker, $"\"{Shown(ticker)}\" is not a ticker (letters, digits, '-', '.' and '_')");
            }

            var category = values[columns.Category].Trim();
            if (category.Length == 0)
            {
                throw Fail(name, line, MarketCsvReader.Category, "the category is empty; give every market one (any label, e.g. Sports)");
            }

            var priceText = values[columns.Price].Trim();
            if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price is <= 0m or >= 1m)
            {
                // 35 for 35¢ is the likeliest slip; say so (1 is as likely to mean $1).
                var hint = int.TryParse(priceText, NumberStyles.None, CultureInfo.InvariantCulture, out var cents) && cents is >= 2 and <= 99
                    ? string.Create(CultureInfo.InvariantCulture, $" (prices are in dollars: {cents}¢ is {cents / 100m:0.00})")
                    : string.Empty;
                throw Fail(name, line, MarketCsvReader.Price, $"\"{Shown(priceText)}\" is not a price between 0 and 1{hint}");
            }

            var close = Time(values, columns.CloseTime, MarketCsvReader.CloseTime, name, line);
            var observed = Time(values, columns.ObservedAt, MarketCsvReader.ObservedAt, name, line);
            if (close is { } c && observed is { } o && o > c)
            {
                throw Fail(name, line, MarketCsvReader.ObservedAt, string.Create(
                    CultureInfo.InvariantCulture, $"\"{Shown(values[columns.ObservedAt].Trim())}\" is after close_time {c:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
            }

            return new CommonFields(ticker, category, price, close, observed, values);
        }

        private static DateTimeOffset? Time(IReadOnlyList<string> values, int index, string column, string name, int line)
        {
            if (index < 0 || values[index].Trim() is not { Length: > 0 } text)
            {
                return null;
            }

            return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Fail(name, line, column, $"\"{Shown(text)}\" is not an ISO 8601 time (e.g. 2025-01-10T23:00:00Z)");
        }
    }
}
