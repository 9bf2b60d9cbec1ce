namespace KalshiDesk.Domain.Risk;

/// <summary>
/// The New York calendar day the daily loss limit counts in. US Eastern time by the rule in force since 2007 (Energy
/// Policy Act of 2005): daylight time, UTC−4, from 2:00 on the second Sunday of March to 2:00 on the first Sunday of
/// November; standard time, UTC−5, otherwise. Computed, not read from the machine's time-zone database, so it is the
/// same on every machine and the Domain does no I/O.
/// </summary>
public static class NewYorkDay
{
    private static readonly TimeSpan Standard = TimeSpan.FromHours(-5);
    private static readonly TimeSpan Daylight = TimeSpan.FromHours(-4);

    /// <summary>New York's UTC offset at <paramref name="instant"/>: −4 h in daylight time, −5 h otherwise.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var starts = DaylightStarts(utc.Year);
        var ends = DaylightEnds(utc.Year);
        return utc >= starts && utc < ends ? Daylight : Standard;
    }

    /// <summary>The New York calendar day <paramref name="instant"/> falls on.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(OffsetAt(instant)).DateTime);

    /// <summary>New York midnight at the start of <paramref name="day"/>, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        // Clocks change at 2:00, so midnight always has the offset of the day before the change: standard on the
        // second Sunday of March, daylight on the first Sunday of November.
        var daylight = day > SecondSunday(day.Year, 3) && day <= FirstSunday(day.Year, 11);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), daylight ? Daylight : Standard);
    }

    /// <summary>The instant the New York day after the one of <paramref name="instant"/> begins.</summary>
    public static DateTimeOffset NextStart(DateTimeOffset instant) => StartOf(Of(instant).AddDays(1));

    /// <summary>2:00 EST on the second Sunday of March, in UTC.</summary>
    private static DateTime DaylightStarts(int year) => SecondSunday(year, 3).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);

    /// <summary>2:00 EDT on the first Sunday of November, in UTC.</summary>
    private static DateTime DaylightEnds(int year) => FirstSunday(year, 11).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);

    private static DateOnly FirstSunday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly SecondSunday(int year, int month) => FirstSunday(year, month).AddDays(7);
}
