using System.Globalization;
using KalshiDesk.Engine.Portfolio;

namespace KalshiDesk.Web.Api;

/// <summary>
/// Reads query values by hand rather than binding them, so a value that cannot be read ("limit=abc") is answered like
/// every other bad value: a 400 problem naming the parameter and what it got.
/// </summary>
internal sealed class QueryValues
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Errors.Count > 0;

    public void Fail(string name, string message) => Errors.TryAdd(name, [message]);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    public int? Whole(string? text, string name, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(name, $"{name} must be a whole number; got '{text}'.");
            return null;
        }

        if (value < min || value > max)
        {
            Fail(name, max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{name} must be {min} or more; got {value}.")
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}; got {value}."));
            return null;
        }

        return value;
    }

    /// <summary>An ISO 8601 time; without an offset it is UTC. Null when absent.</summary>
    public DateTimeOffset? Time(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        Fail(name, $"{name} must be an ISO 8601 time such as 2026-11-23T15:00:00Z; got '{text}'.");
        return null;
    }

    /// <summary>A market's ticker, as Kalshi writes it; null when absent.</summary>
    public string? Ticker(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > 200)
        {
            Fail(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be at most 200 characters; got {text.Length}."));
            return null;
        }

        return text.Trim();
    }

    /// <summary>
    /// A page of orders, fills or settlements: <c>ticker</c>, <c>offset</c> (0 or more), <c>limit</c> (1–1,000; 100 by
    /// default, and every row for CSV when absent).
    /// </summary>
    public TradeQuery Page(string? ticker, string? offset, string? limit, bool csv) => new(
        Ticker(ticker, "ticker"),
        Whole(offset, "offset", 0, int.MaxValue) ?? 0,
        Whole(limit, "limit", 1, TradeQuery.MaxLimit) ?? (csv ? null : TradeQuery.DefaultLimit));

    /// <summary>
    /// Whether the caller asked for CSV: <c>format=csv</c>, or <c>text/csv</c> in the Accept header when there is no
    /// <c>format</c>. <c>format=json</c> asks for JSON whatever the header says.
    /// </summary>
    public bool WantsCsv(string? format, HttpRequest request)
    {
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "":
                return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0d);
            case "csv":
                return true;
            case "json":
                return false;
            default:
                Fail("format", $"format must be json or csv; got '{format}'.");
                return false;
        }
    }
}
