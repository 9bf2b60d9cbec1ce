using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's EventData object (OpenAPI 3.27.0).</summary>
internal sealed record EventJson
{
    public required string EventTicker { get; init; }

    public required string SeriesTicker { get; init; }

    public required string SubTitle { get; init; }

    public required string Title { get; init; }

    /// <summary>"MECNET" for mutually exclusive events (collateral nets across the markets), "" otherwise.</summary>
    public required string CollateralReturnType { get; init; }

    public required bool MutuallyExclusive { get; init; }

    public required string Category { get; init; }

    public required string StrikeDate { get; init; }

    /// <summary>Only with <c>with_nested_markets=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MarketJson>? Markets { get; init; }

    public bool AvailableOnBrokers { get; init; } = true;

    public required IReadOnlyList<SettlementSourceJson> SettlementSources { get; init; }

    public required string LastUpdatedTs { get; init; }

    public int ExchangeIndex { get; init; }
}
