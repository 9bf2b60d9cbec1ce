namespace KalshiDesk.Kalshi.Dto;

internal sealed class ExchangeStatusDto
{
    public bool ExchangeActive { get; set; }
    public bool TradingActive { get; set; }
}
