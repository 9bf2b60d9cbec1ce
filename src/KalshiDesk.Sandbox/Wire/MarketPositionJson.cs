namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's MarketPosition object (OpenAPI 3.27.0); <c>position_fp</c> is + YES, − NO.</summary>
internal sealed record MarketPositionJson
{
    public required string Ticker { get; init; }

    public required string TotalTradedDollars { get; init; }

    public required string PositionFp { get; init; }

    public required string MarketExposureDollars { get; init; }

    public required string RealizedPnlDollars { get; init; }

    public required string FeesPaidDollars { get; init; }

    public required int RestingOrdersCount { get; init; }

    public required string LastUpdatedTs { get; init; }
}
