namespace KalshiDesk.Kalshi.Dto;

internal sealed class MarketDto
{
    public string? Ticker { get; set; }
    public string? EventTicker { get; set; }
    public string? Title { get; set; }
    public string? Status { get; set; }
    public string? YesBidDollars { get; set; }
    public string? YesAskDollars { get; set; }
    public string? LastPriceDollars { get; set; }
    public string? VolumeFp { get; set; }
    public DateTimeOffset? CloseTime { get; set; }
    public bool? FractionalTradingEnabled { get; set; }
    public string? StrikeType { get; set; }
    public decimal? FloorStrike { get; set; }
    public string? Result { get; set; }
    public DateTimeOffset? SettlementTs { get; set; }
    public string? SettlementValueDollars { get; set; }
}
