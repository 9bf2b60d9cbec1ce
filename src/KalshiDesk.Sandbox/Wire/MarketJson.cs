using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's Market object (OpenAPI 3.27.0): every required field, plus the optional ones clients read.</summary>
internal sealed record MarketJson
{
    public required string Ticker { get; init; }

    public required string EventTicker { get; init; }

    public string MarketType { get; init; } = "binary";

    public required string Title { get; init; }

    public required string Subtitle { get; init; }

    public required string YesSubTitle { get; init; }

    public required string NoSubTitle { get; init; }

    public required string CreatedTime { get; init; }

    public required string UpdatedTime { get; init; }

    public required string OpenTime { get; init; }

    public required string CloseTime { get; init; }

    public required string ExpectedExpirationTime { get; init; }

    public required string ExpirationTime { get; init; }

    public required string LatestExpirationTime { get; init; }

    public required int SettlementTimerSeconds { get; init; }

    public required string Status { get; init; }

    public required string YesBidDollars { get; init; }

    public required string YesBidSizeFp { get; init; }

    public required string YesAskDollars { get; init; }

    public required string YesAskSizeFp { get; init; }

    public required string NoBidDollars { get; init; }

    public required string NoAskDollars { get; init; }

    public required string LastPriceDollars { get; init; }

    public required string PreviousYesBidDollars { get; init; }

    public required string PreviousYesAskDollars { get; init; }

    public required string PreviousPriceDollars { get; init; }

    public required string VolumeFp { get; init; }

    [JsonPropertyName("volume_24h_fp")]
    public required string Volume24hFp { get; init; }

    public required string OpenInterestFp { get; init; }

    public string NotionalValueDollars { get; init; } = "1.0000";

    public string LiquidityDollars { get; init; } = "0.0000";

    public string Result { get; init; } = string.Empty;

    public required bool CanCloseEarly { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EarlyCloseCondition { get; init; }

    public string ExpirationValue { get; init; } = string.Empty;

    /// <summary>The YES side's settlement value, from determination on (absent before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SettlementValueDollars { get; init; }

    /// <summary>When the market settled (absent before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SettlementTs { get; init; }

    public required string StrikeType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? FloorStrike { get; init; }

    public required string RulesPrimary { get; init; }

    public required string RulesSecondary { get; init; }

    public string PriceLevelStructure { get; init; } = "linear_cent";

    public IReadOnlyList<PriceRangeJson> PriceRanges { get; init; } = PriceRangeJson.LinearCent;

    public required bool FractionalTradingEnabled { get; init; }

    public bool IsProvisional { get; init; }

    public int ExchangeIndex { get; init; }
}
