namespace KalshiDesk.Kalshi.Dto;

internal sealed class ErrorDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Details { get; set; }
}

internal sealed class CancelOrderResponseDto
{
    public string? OrderId { get; set; }
    public string? ClientOrderId { get; set; }
    public string? ReducedBy { get; set; }
    public long? TsMs { get; set; }
    public ErrorDto? Error { get; set; }
}

internal sealed class AmendOrderRequestDto
{
    public required string Ticker { get; set; }
    public required string Side { get; set; }
    public required string Price { get; set; }
    public required string Count { get; set; }
    public string? UpdatedClientOrderId { get; set; }
}

internal sealed class AmendOrderResponseDto
{
    public string? OrderId { get; set; }
    public string? ClientOrderId { get; set; }
    public string? RemainingCount { get; set; }
    public string? FillCount { get; set; }
    public string? AverageFillPrice { get; set; }
    public string? AverageFeePaid { get; set; }
    public long? TsMs { get; set; }
}

internal sealed class DecreaseOrderRequestDto
{
    public string? ReduceBy { get; set; }
    public string? ReduceTo { get; set; }
}

internal sealed class DecreaseOrderResponseDto
{
    public string? OrderId { get; set; }
    public string? ClientOrderId { get; set; }
    public string? RemainingCount { get; set; }
    public long? TsMs { get; set; }
}

internal sealed class BatchCreateOrdersRequestDto
{
    public required List<CreateOrderRequestDto> Orders { get; set; }
}

internal sealed class BatchCreateOrdersResponseDto
{
    public List<BatchCreateOrderItemDto>? Orders { get; set; }
}

/// <summary>One item of a batch create: the single create's answer, or why this order was refused.</summary>
internal sealed class BatchCreateOrderItemDto : CreateOrderResponseDto
{
    public ErrorDto? Error { get; set; }
}

internal sealed class BatchCancelOrdersRequestDto
{
    public required List<BatchCancelOrderItemDto> Orders { get; set; }
}

internal sealed class BatchCancelOrderItemDto
{
    public required string OrderId { get; set; }
}

internal sealed class BatchCancelOrdersResponseDto
{
    public List<CancelOrderResponseDto>? Orders { get; set; }
}
