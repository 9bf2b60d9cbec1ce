namespace KalshiDesk.Kalshi.Models;

/// <summary>The boundary between live and historical data; older records are served by <c>/historical/*</c>.</summary>
public sealed record HistoricalCutoff(
    DateTimeOffset MarketSettled,
    DateTimeOffset TradesCreated,
    DateTimeOffset OrdersUpdated,
    DateTimeOffset? MarketPositionsLastUpdated);
