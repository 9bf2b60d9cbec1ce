using System.Globalization;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// Kalshi names dates in New York time. The Sandbox uses a fixed UTC−5 so that a world never depends on the
/// machine's time-zone database (it is off by an hour in summer, which no test or trader can tell).
/// </summary>
internal static class EasternCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);

    public static DateTimeOffset At(DateOnly date, int hour, int minute) =>
        new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, 0, Offset).ToUniversalTime();

    /// <summary>The first <paramref name="hour"/>:<paramref name="minute"/> ET at or after <paramref name="earliest"/>.</summary>
    public static DateTimeOffset NextAt(DateTimeOffset earliest, int hour, int minute)
    {
        var candidate = At(DateOf(earliest), hour, minute);
        return candidate >= earliest ? candidate : candidate.AddDays(1);
    }

    /// <summary>Kalshi's ticker date: 26NOV24.</summary>
    public static string DateCode(DateOnly date) => MonthCode(date) + date.Day.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Kalshi's ticker month: 26NOV.</summary>
    public static string MonthCode(DateOnly date) =>
        (date.Year % 100).ToString("00", CultureInfo.InvariantCulture) + date.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>Nov 24, 2026.</summary>
    public static string DateText(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>November 2026.</summary>
    public static string MonthText(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>5pm, 12pm, 10am.</summary>
    public static string HourText(int hour) => hour switch
    {
        0 => "12am",
        12 => "12pm",
        < 12 => $"{hour.ToString(CultureInfo.InvariantCulture)}am",
        _ => $"{(hour - 12).ToString(CultureInfo.InvariantCulture)}pm",
    };
}
