namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's Fill object (OpenAPI 3.27.0).</summary>
internal sealed record FillJson
{
    public required string FillId { get; init; }

    public required string TradeId { get; init; }

    public required string OrderId { get; init; }

    public required string Ticker { get; init; }

    public required string MarketTicker { get; init; }

    public required string Side { get; init; }

    public required string Action { get; init; }

    public required string OutcomeSide { get; init; }

    public required string BookSide { get; init; }

    public required string CountFp { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string NoPriceDollars { get; init; }

    public required bool IsTaker { get; init; }

    public required string CreatedTime { get; init; }

    public required string FeeCost { get; init; }

    public int SubaccountNumber { get; init; }

    public required long Ts { get; init; }
}
