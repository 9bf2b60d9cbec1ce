using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Domain.Tests.Risk;

public class NewYorkDayTests
{
    [Theory]
    [InlineData("2026-11-24T04:59:59Z", "2026-11-23")] // 23:59:59 EST
    [InlineData("2026-11-24T05:00:00Z", "2026-11-24")] // midnight EST
    [InlineData("2026-07-01T03:59:59Z", "2026-06-30")] // 23:59:59 EDT
    [InlineData("2026-07-01T04:00:00Z", "2026-07-01")] // midnight EDT
    [InlineData("2026-03-08T04:59:59Z", "2026-03-07")] // the night before daylight time begins: still EST
    [InlineData("2026-11-01T03:59:59Z", "2026-10-31")] // the night before it ends: still EDT
    [InlineData("2026-11-01T04:00:00Z", "2026-11-01")]
    public void Of_InstantsAroundNewYorkMidnight_FallOnTheNewYorkDay(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), NewYorkDay.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2007, 3, 11, 11, 4)] // the first year of the 2007 rule
    [InlineData(2024, 3, 10, 11, 3)]
    [InlineData(2026, 3, 8, 11, 1)]
    [InlineData(2030, 3, 10, 11, 3)]
    public void OffsetAt_ChangesAtTwoInTheMorningOnTheRulesSundays(int year, int springMonth, int springDay, int fallMonth, int fallDay)
    {
        // 2:00 EST = 07:00 UTC in spring; 2:00 EDT = 06:00 UTC in the fall.
        var spring = new DateTimeOffset(year, springMonth, springDay, 7, 0, 0, TimeSpan.Zero);
        var fall = new DateTimeOffset(year, fallMonth, fallDay, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            (-5, -4, -4, -5),
            ((int)NewYorkDay.OffsetAt(spring.AddTicks(-1)).TotalHours, (int)NewYorkDay.OffsetAt(spring).TotalHours, (int)NewYorkDay.OffsetAt(fall.AddTicks(-1)).TotalHours, (int)NewYorkDay.OffsetAt(fall).TotalHours));
    }

    [Theory]
    [InlineData("2026-03-08", "2026-03-08T05:00:00Z")] // daylight time begins at 2:00 that day: midnight is EST
    [InlineData("2026-03-09", "2026-03-09T04:00:00Z")]
    [InlineData("2026-11-01", "2026-11-01T04:00:00Z")] // daylight time ends at 2:00 that day: midnight is EDT
    [InlineData("2026-11-02", "2026-11-02T05:00:00Z")]
    public void StartOf_DaysAroundTheClockChanges_IsNewYorkMidnight(string day, string midnight)
    {
        var start = NewYorkDay.StartOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(midnight, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), NewYorkDay.Of(start));
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1), NewYorkDay.Of(start.AddTicks(-1)));
    }

    [Fact]
    public void NextStart_LateOnTheDayDaylightTimeEnds_IsTheNextMidnightEst()
    {
        // 1 November 2026 has 25 hours in New York: 23:30 EST is 04:30 UTC on the 2nd; the next day starts at 05:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), NewYorkDay.NextStart(new DateTimeOffset(2026, 11, 2, 4, 30, 0, TimeSpan.Zero)));
    }
}
