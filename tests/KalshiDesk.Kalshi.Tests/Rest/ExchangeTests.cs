using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class ExchangeTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetExchangeScheduleAsync_SpecShapedSchedule_MapsSessionsPerWeekdayAndWindows()
    {
        var handler = new RecordedHandler().On(Base + "exchange/schedule", RecordedHandler.Fixture("exchange-schedule.json"));

        var schedule = await handler.Client().GetExchangeScheduleAsync();

        var week = Assert.Single(schedule.StandardHours);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), week.EffectiveFrom);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), week.EffectiveUntil);
        Assert.Equal([new TradingSession(TimeSpan.Zero, TimeSpan.FromHours(24))], week.Sessions[DayOfWeek.Monday]);
        Assert.Equal(
            [new TradingSession(TimeSpan.Zero, TimeSpan.FromHours(3)), new TradingSession(TimeSpan.FromHours(5), TimeSpan.FromHours(24))],
            week.Sessions[DayOfWeek.Thursday]);
        Assert.Empty(week.Sessions[DayOfWeek.Sunday]);
        Assert.Equal(7, week.Sessions.Count);
        var window = Assert.Single(schedule.MaintenanceWindows);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), window.End);
        Assert.Equal("/trade-api/v2/exchange/schedule", handler.Requests.Single().RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task GetExchangeScheduleAsync_MalformedClockTime_NamesTheField()
    {
        var json = RecordedHandler.Fixture("exchange-schedule.json").Replace("\"05:00\"", "\"5pm\"", StringComparison.Ordinal);
        var handler = new RecordedHandler().On(Base + "exchange/schedule", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetExchangeScheduleAsync());

        Assert.Equal("standard_hours.thursday.open_time", ex.Field);
    }
}
