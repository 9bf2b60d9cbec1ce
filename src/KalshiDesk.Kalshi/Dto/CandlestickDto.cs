namespace KalshiDesk.Kalshi.Dto;

internal sealed class CandlesticksDto
{
    public string? Ticker { get; set; }
    public List<CandlestickDto>? Candlesticks { get; set; }
}

internal sealed class BatchCandlesticksDto
{
    public List<MarketCandlesticksDto>? Markets { get; set; }
}

internal sealed class MarketCandlesticksDto
{
    public string? MarketTicker { get; set; }
    public List<CandlestickDto>? Candlesticks { get; set; }
}

internal sealed class CandlestickDto
{
    public long? EndPeriodTs { get; set; }
    public BidAskDto? YesBid { get; set; }
    public BidAskDto? YesAsk { get; set; }
    public PriceDistributionDto? Price { get; set; }
    public string? VolumeFp { get; set; }
    public string? OpenInterestFp { get; set; }
}

/// <summary>Quote OHLC: <c>*_dollars</c> keys on live candles, unsuffixed keys on historical ones.</summary>
internal sealed class BidAskDto
{
    public string? OpenDollars { get; set; }
    public string? HighDollars { get; set; }
    public string? LowDollars { get; set; }
    public string? CloseDollars { get; set; }
    public string? Open { get; set; }
    public string? High { get; set; }
    public string? Low { get; set; }
    public string? Close { get; set; }
}

internal sealed class PriceDistributionDto
{
    public string? OpenDollars { get; set; }
    public string? HighDollars { get; set; }
    public string? LowDollars { get; set; }
    public string? CloseDollars { get; set; }
    public string? MeanDollars { get; set; }
    public string? PreviousDollars { get; set; }
}

internal sealed class HistoricalCandlesticksDto
{
    public string? Ticker { get; set; }
    public List<HistoricalCandlestickDto>? Candlesticks { get; set; }
}

internal sealed class HistoricalCandlestickDto
{
    public long? EndPeriodTs { get; set; }
    public BidAskDto? YesBid { get; set; }
    public BidAskDto? YesAsk { get; set; }
    public HistoricalPriceDistributionDto? Price { get; set; }
    public string? Volume { get; set; }
    public string? OpenInterest { get; set; }
}

internal sealed class HistoricalPriceDistributionDto
{
    public string? Open { get; set; }
    public string? High { get; set; }
    public string? Low { get; set; }
    public string? Close { get; set; }
    public string? Mean { get; set; }
    public string? Previous { get; set; }
}

internal sealed class HistoricalCutoffDto
{
    public DateTimeOffset? MarketSettledTs { get; set; }
    public DateTimeOffset? TradesCreatedTs { get; set; }
    public DateTimeOffset? OrdersUpdatedTs { get; set; }
    public DateTimeOffset? MarketPositionsLastUpdatedTs { get; set; }
}
