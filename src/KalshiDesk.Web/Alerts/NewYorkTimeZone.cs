namespace KalshiDesk.Web.Alerts;

/// <summary>
/// America/New_York for Hangfire's schedules, from the machine's time-zone database (the aspnet image has it). Without
/// one (a chiseled image) the desk still starts, with the same rule built in (UTC−5, daylight time UTC−4 from 2:00 on the
/// second Sunday of March to 2:00 on the first Sunday of November, as <see cref="Domain.Risk.NewYorkDay"/> counts); Hangfire
/// then shows the daily summary's schedule as failing on its dashboard until tzdata is installed.
/// </summary>
public static class NewYorkTimeZone
{
    public const string Id = "America/New_York";

    public static TimeZoneInfo Info { get; } = Find();

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var starts = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday);
            var ends = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2007, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1), starts, ends);
            return TimeZoneInfo.CreateCustomTimeZone(Id, TimeSpan.FromHours(-5), "New York", "EST", "EDT", [rule]);
        }
    }
}
