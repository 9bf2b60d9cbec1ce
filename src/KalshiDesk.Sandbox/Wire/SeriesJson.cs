namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's Series object (OpenAPI 3.27.0).</summary>
internal sealed record SeriesJson
{
    public required string Ticker { get; init; }

    public required string Frequency { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<SettlementSourceJson> SettlementSources { get; init; }

    public required string ContractUrl { get; init; }

    public required string ContractTermsUrl { get; init; }

    public required string FeeType { get; init; }

    public required decimal FeeMultiplier { get; init; }

    public IReadOnlyList<string> AdditionalProhibitions { get; init; } = [];

    public required string VolumeFp { get; init; }

    public required string LastUpdatedTs { get; init; }

    public int ExchangeIndex { get; init; }
}
