namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's Order object (OpenAPI 3.27.0), with the deprecated <c>side</c>/<c>action</c> still sent.</summary>
internal sealed record OrderJson
{
    public required string OrderId { get; init; }

    public required string UserId { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Ticker { get; init; }

    public required string Side { get; init; }

    public required string Action { get; init; }

    public required string OutcomeSide { get; init; }

    public required string BookSide { get; init; }

    public string Type { get; init; } = "limit";

    public required string Status { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string NoPriceDollars { get; init; }

    public required string FillCountFp { get; init; }

    public required string RemainingCountFp { get; init; }

    public required string InitialCountFp { get; init; }

    public required string TakerFillCostDollars { get; init; }

    public required string MakerFillCostDollars { get; init; }

    public required string TakerFeesDollars { get; init; }

    public required string MakerFeesDollars { get; init; }

    public required string? ExpirationTime { get; init; }

    public required string CreatedTime { get; init; }

    public required string LastUpdateTime { get; init; }

    public required string SelfTradePreventionType { get; init; }

    public required string? OrderGroupId { get; init; }

    public required bool CancelOrderOnPause { get; init; }

    public int SubaccountNumber { get; init; }

    public int ExchangeIndex { get; init; }
}
