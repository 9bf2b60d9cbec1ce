namespace KalshiDesk.Kalshi.WebSockets;

// The `msg` bodies of Kalshi's WebSocket messages (AsyncAPI 2026-08-04), bound with KalshiJson.Options (snake_case);
// unknown fields are ignored, so new fields from Kalshi do not break the stream.

internal sealed class SnapshotDto
{
    public string? MarketTicker { get; set; }

    public List<List<string>>? YesDollarsFp { get; set; }

    public List<List<string>>? NoDollarsFp { get; set; }
}

internal sealed class DeltaDto
{
    public string? MarketTicker { get; set; }

    public string? PriceDollars { get; set; }

    public string? DeltaFp { get; set; }

    public string? Side { get; set; }
}

internal sealed class TickerDto
{
    public string? MarketTicker { get; set; }

    public string? MarketId { get; set; }

    public string? PriceDollars { get; set; }

    public string? YesBidDollars { get; set; }

    public string? YesAskDollars { get; set; }

    public string? VolumeFp { get; set; }

    public string? OpenInterestFp { get; set; }

    public long? DollarVolume { get; set; }

    public long? DollarOpenInterest { get; set; }

    public string? YesBidSizeFp { get; set; }

    public string? YesAskSizeFp { get; set; }

    public string? LastTradeSizeFp { get; set; }

    public long? Ts { get; set; }

    public long? TsMs { get; set; }
}

internal sealed class TradeDto
{
    public string? TradeId { get; set; }

    public string? MarketTicker { get; set; }

    public string? YesPriceDollars { get; set; }

    public string? NoPriceDollars { get; set; }

    public string? CountFp { get; set; }

    public string? TakerSide { get; set; }

    public string? TakerOutcomeSide { get; set; }

    public long? Ts { get; set; }

    public long? TsMs { get; set; }
}

internal sealed class FillDto
{
    public string? TradeId { get; set; }

    public string? OrderId { get; set; }

    public string? MarketTicker { get; set; }

    public bool? IsTaker { get; set; }

    public string? Side { get; set; }

    public string? PurchasedSide { get; set; }

    public string? OutcomeSide { get; set; }

    public string? Action { get; set; }

    public string? YesPriceDollars { get; set; }

    public string? CountFp { get; set; }

    public string? FeeCost { get; set; }

    public string? PostPositionFp { get; set; }

    public string? ClientOrderId { get; set; }

    public int? Subaccount { get; set; }

    public long? Ts { get; set; }

    public long? TsMs { get; set; }
}

internal sealed class UserOrderDto
{
    public string? OrderId { get; set; }

    public string? Ticker { get; set; }

    public string? Status { get; set; }

    public string? Side { get; set; }

    public string? OutcomeSide { get; set; }

    public string? YesPriceDollars { get; set; }

    public string? FillCountFp { get; set; }

    public string? RemainingCountFp { get; set; }

    public string? InitialCountFp { get; set; }

    public string? TakerFillCostDollars { get; set; }

    public string? MakerFillCostDollars { get; set; }

    public string? TakerFeesDollars { get; set; }

    public string? MakerFeesDollars { get; set; }

    public string? ClientOrderId { get; set; }

    public string? OrderGroupId { get; set; }

    public long? CreatedTsMs { get; set; }

    public long? LastUpdatedTsMs { get; set; }

    public long? ExpirationTsMs { get; set; }

    public int? SubaccountNumber { get; set; }
}

internal sealed class LifecycleDto
{
    public string? MarketTicker { get; set; }

    public string? EventType { get; set; }

    public long? OpenTs { get; set; }

    public long? CloseTs { get; set; }

    public bool? IsDeactivated { get; set; }

    public string? Result { get; set; }

    public string? SettlementValue { get; set; }

    public long? DeterminationTs { get; set; }

    public long? SettledTs { get; set; }

    public string? PriceLevelStructure { get; set; }

    public LifecycleMetadataDto? AdditionalMetadata { get; set; }
}

internal sealed class LifecycleMetadataDto
{
    public string? Title { get; set; }

    public string? EventTicker { get; set; }
}
