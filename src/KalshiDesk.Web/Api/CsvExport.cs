using System.Globalization;
using System.Text;

namespace KalshiDesk.Web.Api;

/// <summary>
/// CSV as spreadsheets read it safely (RFC 4180): a header row, LF line ends, UTF-8, invariant culture. A text cell that
/// a spreadsheet would run as a formula (it begins with =, +, −, @, a tab or a carriage return) gets a leading
/// apostrophe (OWASP's CSV-injection advice); a cell holding a comma, quote or line break, or beginning or ending with a
/// space, is quoted with its quotes doubled. Numbers and times are written by the desk, never from outside, and are
/// left as they are, so −0.25 stays a number.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => Quoted(c.Header))).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => c.Cell(row))).Append('\n');
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
    }

    /// <summary>A text cell from outside the desk (ticker, title, ids): defused, then quoted where needed.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return Quoted(value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);
    }

    /// <summary>Dollars or contracts, as many decimals as they have (up to Kalshi's six), no thousands separator.</summary>
    public static string Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC: 2026-11-23T15:00:30.25Z.</summary>
    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Id(Guid? value) => value?.ToString("D", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
