namespace KalshiDesk.Kalshi.Dto;

internal sealed class BalanceDto
{
    /// <summary>Integer cents.</summary>
    public long? Balance { get; set; }
    public string? BalanceDollars { get; set; }

    /// <summary>Integer cents.</summary>
    public long? PortfolioValue { get; set; }
    public long? UpdatedTs { get; set; }
}

internal sealed class PositionsPageDto
{
    public List<MarketPositionDto>? MarketPositions { get; set; }
    public List<EventPositionDto>? EventPositions { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class MarketPositionDto
{
    public string? Ticker { get; set; }
    public string? TotalTradedDollars { get; set; }
    public string? PositionFp { get; set; }
    public string? MarketExposureDollars { get; set; }
    public string? RealizedPnlDollars { get; set; }
    public string? FeesPaidDollars { get; set; }
    public DateTimeOffset? LastUpdatedTs { get; set; }
}

internal sealed class EventPositionDto
{
    public string? EventTicker { get; set; }
    public string? TotalCostDollars { get; set; }
    public string? TotalCostSharesFp { get; set; }
    public string? EventExposureDollars { get; set; }
    public string? RealizedPnlDollars { get; set; }
    public string? FeesPaidDollars { get; set; }
}

internal sealed class FillsPageDto
{
    public List<FillDto>? Fills { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class FillDto
{
    public string? FillId { get; set; }
    public string? TradeId { get; set; }
    public string? OrderId { get; set; }
    public string? Ticker { get; set; }
    public string? MarketTicker { get; set; }
    public string? Side { get; set; }
    public string? Action { get; set; }
    public string? OutcomeSide { get; set; }
    public string? BookSide { get; set; }
    public string? CountFp { get; set; }
    public string? YesPriceDollars { get; set; }
    public string? NoPriceDollars { get; set; }
    public bool? IsTaker { get; set; }
    public DateTimeOffset? CreatedTime { get; set; }
    public string? FeeCost { get; set; }
    public long? Ts { get; set; }
}

internal sealed class SettlementsPageDto
{
    public List<SettlementDto>? Settlements { get; set; }
    public string? Cursor { get; set; }
}

internal sealed class SettlementDto
{
    public string? Ticker { get; set; }
    public string? EventTicker { get; set; }
    public string? MarketResult { get; set; }
    public string? YesCountFp { get; set; }
    public string? YesTotalCostDollars { get; set; }
    public string? NoCountFp { get; set; }
    public string? NoTotalCostDollars { get; set; }

    /// <summary>Integer cents.</summary>
    public long? Revenue { get; set; }
    public DateTimeOffset? SettledTime { get; set; }
    public string? FeeCost { get; set; }

    /// <summary>Integer cents: the payout of one YES contract.</summary>
    public long? Value { get; set; }
}
