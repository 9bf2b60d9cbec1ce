namespace KalshiDesk.Kalshi.Dto;

internal sealed class ExchangeScheduleEnvelopeDto
{
    public ExchangeScheduleDto? Schedule { get; set; }
}

internal sealed class ExchangeScheduleDto
{
    public List<WeeklyScheduleDto>? StandardHours { get; set; }
    public List<MaintenanceWindowDto>? MaintenanceWindows { get; set; }
}

internal sealed class WeeklyScheduleDto
{
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public List<DailyScheduleDto>? Monday { get; set; }
    public List<DailyScheduleDto>? Tuesday { get; set; }
    public List<DailyScheduleDto>? Wednesday { get; set; }
    public List<DailyScheduleDto>? Thursday { get; set; }
    public List<DailyScheduleDto>? Friday { get; set; }
    public List<DailyScheduleDto>? Saturday { get; set; }
    public List<DailyScheduleDto>? Sunday { get; set; }
}

internal sealed class DailyScheduleDto
{
    public string? OpenTime { get; set; }
    public string? CloseTime { get; set; }
}

internal sealed class MaintenanceWindowDto
{
    public DateTimeOffset? StartDatetime { get; set; }
    public DateTimeOffset? EndDatetime { get; set; }
}
