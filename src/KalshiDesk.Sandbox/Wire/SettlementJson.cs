namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's Settlement object (OpenAPI 3.27.0): what the account held when a market settled, and what it was paid.</summary>
internal sealed record SettlementJson
{
    public required string Ticker { get; init; }

    public required string EventTicker { get; init; }

    /// <summary>"yes" or "no".</summary>
    public required string MarketResult { get; init; }

    public required string YesCountFp { get; init; }

    public required string YesTotalCostDollars { get; init; }

    public required string NoCountFp { get; init; }

    public required string NoTotalCostDollars { get; init; }

    /// <summary>Cents paid: 100 a winning contract.</summary>
    public required long Revenue { get; init; }

    public required string SettledTime { get; init; }

    public required string FeeCost { get; init; }

    /// <summary>Payout of a single YES contract in cents.</summary>
    public required long? Value { get; init; }
}
