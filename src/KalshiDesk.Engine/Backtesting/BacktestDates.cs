using System.Globalization;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>A backtest's window as people write it: a date (a UTC day) or an ISO 8601 time.</summary>
public static class BacktestDates
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd' 'HH:mm:ssK", "yyyy-MM-dd' 'HH:mmK",
    ];

    /// <summary>
    /// Reads <paramref name="text"/>: a date (<c>2026-11-01</c>) starts at its UTC midnight, or with
    /// <paramref name="endOfDay"/> runs through its whole UTC day; a time (ISO 8601, 'T' or a space) without an offset is
    /// UTC. Null or blank text is no bound; anything else is refused.
    /// </summary>
    public static bool TryParse(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = OfDay(day, endOfDay);
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>The start of <paramref name="day"/> in UTC, or with <paramref name="endOfDay"/> its last instant.</summary>
    public static DateTimeOffset OfDay(DateOnly day, bool endOfDay)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
    }
}
