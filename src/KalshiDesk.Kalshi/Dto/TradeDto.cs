namespace KalshiDesk.Kalshi.Dto;

internal sealed class TradesPageDto
{
    public List<TradeDto>? Trades { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class TradeDto
{
    public string? TradeId { get; set; }
    public string? Ticker { get; set; }
    public string? CountFp { get; set; }
    public string? YesPriceDollars { get; set; }
    public string? NoPriceDollars { get; set; }
    public string? TakerSide { get; set; }
    public string? TakerOutcomeSide { get; set; }
    public string? TakerBookSide { get; set; }
    public DateTimeOffset? CreatedTime { get; set; }
    public bool? IsBlockTrade { get; set; }
}
