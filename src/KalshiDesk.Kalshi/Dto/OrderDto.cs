namespace KalshiDesk.Kalshi.Dto;

internal sealed class OrdersPageDto
{
    public List<OrderDto>? Orders { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class OrderEnvelopeDto
{
    public OrderDto? Order { get; set; }
}

internal sealed class OrderDto
{
    public string? OrderId { get; set; }
    public string? ClientOrderId { get; set; }
    public string? Ticker { get; set; }
    public string? Side { get; set; }
    public string? Action { get; set; }
    public string? OutcomeSide { get; set; }
    public string? BookSide { get; set; }
    public string? Status { get; set; }
    public string? YesPriceDollars { get; set; }
    public string? FillCountFp { get; set; }
    public string? RemainingCountFp { get; set; }
    public string? InitialCountFp { get; set; }
    public string? TakerFillCostDollars { get; set; }
    public string? MakerFillCostDollars { get; set; }
    public string? TakerFeesDollars { get; set; }
    public string? MakerFeesDollars { get; set; }
    public DateTimeOffset? ExpirationTime { get; set; }
    public DateTimeOffset? CreatedTime { get; set; }
    public DateTimeOffset? LastUpdateTime { get; set; }
    public string? OrderGroupId { get; set; }
}
