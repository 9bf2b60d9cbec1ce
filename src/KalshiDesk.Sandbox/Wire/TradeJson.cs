namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's public Trade object (OpenAPI 3.27.0).</summary>
internal sealed record TradeJson
{
    public required string TradeId { get; init; }

    public required string Ticker { get; init; }

    public required string CountFp { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string NoPriceDollars { get; init; }

    public required string TakerSide { get; init; }

    public required string TakerOutcomeSide { get; init; }

    public required string TakerBookSide { get; init; }

    public required string CreatedTime { get; init; }

    public bool IsBlockTrade { get; init; }
}
