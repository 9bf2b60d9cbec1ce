namespace KalshiDesk.Kalshi.Dto;

internal sealed class EventsPageDto
{
    public List<EventDto>? Events { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class EventEnvelopeDto
{
    public EventDto? Event { get; set; }

    /// <summary>Deprecated top-level copy of the event's markets (filled when <c>with_nested_markets=false</c>).</summary>
    public List<MarketDto>? Markets { get; set; }
}

internal sealed class EventDto
{
    public string? EventTicker { get; set; }
    public string? SeriesTicker { get; set; }
    public string? Title { get; set; }
    public string? SubTitle { get; set; }
    public string? CollateralReturnType { get; set; }
    public bool? MutuallyExclusive { get; set; }
    public DateTimeOffset? StrikeDate { get; set; }
    public string? StrikePeriod { get; set; }
    public List<MarketDto>? Markets { get; set; }
    public string? FeeTypeOverride { get; set; }
    public decimal? FeeMultiplierOverride { get; set; }
}
