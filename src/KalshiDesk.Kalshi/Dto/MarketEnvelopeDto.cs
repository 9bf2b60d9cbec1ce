namespace KalshiDesk.Kalshi.Dto;

internal sealed class MarketEnvelopeDto
{
    public MarketDto? Market { get; set; }
}
