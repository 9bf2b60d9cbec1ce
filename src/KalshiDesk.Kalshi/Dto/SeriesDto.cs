namespace KalshiDesk.Kalshi.Dto;

internal sealed class SeriesEnvelopeDto
{
    public SeriesDto? Series { get; set; }
}

internal sealed class SeriesDto
{
    public string? Ticker { get; set; }
    public string? Title { get; set; }
    public string? Category { get; set; }
    public string? FeeType { get; set; }
    public double? FeeMultiplier { get; set; }
}
