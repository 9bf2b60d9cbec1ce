namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>A <c>trade</c> body: one print on the public tape.</summary>
internal sealed record StreamTradeJson
{
    public required string TradeId { get; init; }

    public required string MarketTicker { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string NoPriceDollars { get; init; }

    public required string CountFp { get; init; }

    public required string TakerSide { get; init; }

    public required string TakerOutcomeSide { get; init; }

    public required string TakerBookSide { get; init; }

    public required long Ts { get; init; }

    public required long TsMs { get; init; }
}
