namespace KalshiDesk.Kalshi.Dto;

internal sealed class MarketsPageDto
{
    public List<MarketDto>? Markets { get; set; }
    public string? Cursor { get; set; }
}
