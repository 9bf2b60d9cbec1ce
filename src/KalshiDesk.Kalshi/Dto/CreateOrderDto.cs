namespace KalshiDesk.Kalshi.Dto;

internal sealed class CreateOrderRequestDto
{
    public required string Ticker { get; set; }
    public required string ClientOrderId { get; set; }
    public required string Side { get; set; }
    public required string Count { get; set; }
    public required string Price { get; set; }
    public required string TimeInForce { get; set; }
    public string SelfTradePreventionType { get; set; } = "taker_at_cross";
    public bool PostOnly { get; set; }
    public long? ExpirationTime { get; set; }
    public string? OrderGroupId { get; set; }
}

internal class CreateOrderResponseDto
{
    public string? OrderId { get; set; }
    public string? ClientOrderId { get; set; }
    public string? FillCount { get; set; }
    public string? RemainingCount { get; set; }
    public string? AverageFillPrice { get; set; }
    public string? AverageFeePaid { get; set; }
    public long? TsMs { get; set; }
}
