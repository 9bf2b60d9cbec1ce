using System.Globalization;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>
/// A parsed temperature forecast file (CSV, UTF-8, header required):
/// <code>
/// station,date,forecast_high_f,sd_f,issued_at
/// KNYC,2026-11-24,50,3,2026-11-23T12:00:00Z
/// </code>
/// <c>station</c> is the id the configuration maps series to; <c>date</c> is yyyy-MM-dd; <c>forecast_high_f</c> is the
/// expected high in °F (−100 to 150); <c>sd_f</c> its standard deviation in °F (above 0, at most 50);
/// <c>issued_at</c> (optional column, ISO 8601, UTC when no offset) is when the forecast was made, so that a backtest
/// uses only rows issued by its decision time. Several rows per station and date are allowed when their
/// <c>issued_at</c> differ: the latest one issued by the decision time is used. Blank lines are skipped. Any other
/// problem is refused with its line: a wrong temperature is worse than none.
/// </summary>
public sealed class TemperatureForecastFile
{
    public const string Header = "station,date,forecast_high_f,sd_f";
    public const string IssuedAtColumn = "issued_at";

    private static readonly string[] Columns = ["station", "date", "forecast_high_f", "sd_f", IssuedAtColumn];

    private readonly Dictionary<(string Station, DateOnly Date), TemperatureForecast[]> _rows;

    private TemperatureForecastFile(Dictionary<(string, DateOnly), TemperatureForecast[]> rows, int count)
    {
        _rows = rows;
        Count = count;
    }

    /// <summary>Rows in the file.</summary>
    public int Count { get; }

    public static TemperatureForecastFile Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="TemperatureForecastFileException">A line the parser cannot trust, with its line and column.</exception>
    public static TemperatureForecastFile Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        var names = header?.Split(',').Select(n => n.Trim().ToLowerInvariant()).ToArray() ?? [];
        if (names.Length is < 4 or > 5 || !names.SequenceEqual(Columns.Take(names.Length)))
        {
            throw new TemperatureForecastFileException(source, 1, null, $"the header must be '{Header}' or '{Header},{IssuedAtColumn}', not '{header}'");
        }

        var hasIssuedAt = names.Length == 5;
        var rows = new Dictionary<(string, DateOnly), List<TemperatureForecast>>();
        var count = 0;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = ParseRow(line, lineNumber, names.Length, hasIssuedAt, source);
            var key = (row.Station, row.Date);
            if (!rows.TryGetValue(key, out var same))
            {
                rows[key] = same = [];
            }

            if (same.Find(r => r.IssuedAt == row.IssuedAt) is { } earlier)
            {
                throw new TemperatureForecastFileException(
                    source, lineNumber, null, $"{row.Station} {row.Date:yyyy-MM-dd} issued {row.IssuedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "(no issued_at)"} repeats line {earlier.Line}");
            }

            same.Add(row);
            count++;
        }

        return new TemperatureForecastFile(
            rows.ToDictionary(p => p.Key, p => p.Value.OrderBy(r => r.IssuedAt ?? DateTimeOffset.MinValue).ToArray()),
            count);
    }

    /// <summary>The latest forecast for <paramref name="station"/> on <paramref name="date"/> issued by <paramref name="decisionTime"/>, or null.</summary>
    public TemperatureForecast? Find(string station, DateOnly date, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (!_rows.TryGetValue((station.ToUpperInvariant(), date), out var issued))
        {
            return null;
        }

        TemperatureForecast? latest = null;
        foreach (var row in issued)
        {
            if ((row.IssuedAt ?? DateTimeOffset.MinValue) <= decisionTime)
            {
                latest = row;
            }
        }

        return latest;
    }

    private static TemperatureForecast ParseRow(string line, int lineNumber, int columns, bool hasIssuedAt, string source)
    {
        var fields = line.Split(',');
        if (fields.Length != columns)
        {
            throw new TemperatureForecastFileException(source, lineNumber, null, $"{fields.Length} fields, expected {columns} ('{line}')");
        }

        var station = fields[0].Trim();
        if (station.Length == 0)
        {
            throw new TemperatureForecastFileException(source, lineNumber, "station", "is empty");
        }

        var dateText = fields[1].Trim();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new TemperatureForecastFileException(source, lineNumber, "date", $"'{dateText}' is not a yyyy-MM-dd date");
        }

        var high = Number(fields[2], lineNumber, "forecast_high_f", source);
        if (high is < -100 or > 150)
        {
            throw new TemperatureForecastFileException(source, lineNumber, "forecast_high_f", $"{fields[2].Trim()} °F is outside −100 to 150 °F");
        }

        var sd = Number(fields[3], lineNumber, "sd_f", source);
        if (sd is <= 0 or > 50)
        {
            throw new TemperatureForecastFileException(source, lineNumber, "sd_f", $"{fields[3].Trim()} °F must be above 0 and at most 50 °F");
        }

        DateTimeOffset? issuedAt = null;
        if (hasIssuedAt && fields[4].Trim() is { Length: > 0 } issuedText)
        {
            if (!DateTimeOffset.TryParse(issuedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new TemperatureForecastFileException(source, lineNumber, IssuedAtColumn, $"'{issuedText}' is not an ISO 8601 time");
            }

            issuedAt = parsed;
        }

        return new TemperatureForecast(station.ToUpperInvariant(), date, high, sd, issuedAt, lineNumber);
    }

    private static double Number(string field, int lineNumber, string column, string source)
    {
        var text = field.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new TemperatureForecastFileException(source, lineNumber, column, $"'{text}' is not a number");
    }
}
