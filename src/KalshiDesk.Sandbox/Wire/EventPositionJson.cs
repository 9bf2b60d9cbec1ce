namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's EventPosition object (OpenAPI 3.27.0): the account's markets of one event, summed.</summary>
internal sealed record EventPositionJson
{
    public required string EventTicker { get; init; }

    public required string TotalCostDollars { get; init; }

    public required string TotalCostSharesFp { get; init; }

    public required string EventExposureDollars { get; init; }

    public required string RealizedPnlDollars { get; init; }

    public required string FeesPaidDollars { get; init; }
}
