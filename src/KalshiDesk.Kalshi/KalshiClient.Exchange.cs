using System.Globalization;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>Weekly trading hours (US Eastern) and maintenance windows: <c>GET /exchange/schedule</c>.</summary>
    public async Task<ExchangeSchedule> GetExchangeScheduleAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<ExchangeScheduleEnvelopeDto>("exchange/schedule", ct).ConfigureAwait(false);
        var schedule = dto.Schedule ?? throw new KalshiDataException("schedule", null, "is missing");
        var weeks = new List<WeeklyTradingHours>();
        foreach (var week in schedule.StandardHours ?? [])
        {
            weeks.Add(new WeeklyTradingHours(
                week.StartTime ?? throw new KalshiDataException("standard_hours.start_time", null, "is missing"),
                week.EndTime ?? throw new KalshiDataException("standard_hours.end_time", null, "is missing"),
                new Dictionary<DayOfWeek, IReadOnlyList<TradingSession>>
                {
                    [DayOfWeek.Monday] = Sessions(week.Monday, "monday"),
                    [DayOfWeek.Tuesday] = Sessions(week.Tuesday, "tuesday"),
                    [DayOfWeek.Wednesday] = Sessions(week.Wednesday, "wednesday"),
                    [DayOfWeek.Thursday] = Sessions(week.Thursday, "thursday"),
                    [DayOfWeek.Friday] = Sessions(week.Friday, "friday"),
                    [DayOfWeek.Saturday] = Sessions(week.Saturday, "saturday"),
                    [DayOfWeek.Sunday] = Sessions(week.Sunday, "sunday"),
                }));
        }

        var windows = (schedule.MaintenanceWindows ?? []).Select(w => new MaintenanceWindow(
            w.StartDatetime ?? throw new KalshiDataException("maintenance_windows.start_datetime", null, "is missing"),
            w.EndDatetime ?? throw new KalshiDataException("maintenance_windows.end_datetime", null, "is missing"))).ToList();
        return new ExchangeSchedule(weeks, windows);
    }

    private static List<TradingSession> Sessions(List<DailyScheduleDto>? day, string name) =>
        [.. (day ?? []).Select(s => new TradingSession(
            ClockTime(s.OpenTime, $"standard_hours.{name}.open_time"),
            ClockTime(s.CloseTime, $"standard_hours.{name}.close_time")))];

    /// <summary>"HH:MM" in US Eastern; "24:00" is accepted as the end of the day.</summary>
    private static TimeSpan ClockTime(string? text, string field)
    {
        var parts = text?.Split(':');
        if (parts is not [var h, var m]
            || !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 24 || minutes > 59 || (hours == 24 && minutes != 0))
        {
            throw new KalshiDataException(field, null, text is null ? "is missing" : $"'{text}' is not a time HH:MM");
        }

        return new TimeSpan(hours, minutes, 0);
    }
}
