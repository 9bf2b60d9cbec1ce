namespace KalshiDesk.Kalshi.Dto;

internal sealed class SeriesListDto
{
    public List<SeriesDto>? Series { get; set; }
}

internal sealed class SeriesFeeChangesDto
{
    public List<SeriesFeeChangeDto>? SeriesFeeChangeArr { get; set; }
}

internal sealed class SeriesFeeChangeDto
{
    public string? Id { get; set; }
    public string? SeriesTicker { get; set; }
    public string? FeeType { get; set; }
    public decimal? FeeMultiplier { get; set; }
    public DateTimeOffset? ScheduledTs { get; set; }
}

internal sealed class EventFeeChangesPageDto
{
    public List<EventFeeChangeDto>? EventFeeChanges { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class EventFeeChangeDto
{
    public string? Id { get; set; }
    public string? EventTicker { get; set; }
    public string? SeriesTicker { get; set; }
    public string? FeeTypeOverride { get; set; }
    public decimal? FeeMultiplierOverride { get; set; }
    public DateTimeOffset? ScheduledTs { get; set; }
}
