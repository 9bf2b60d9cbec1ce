namespace KalshiDesk.Domain.Markets;

/// <summary>A market's <c>status</c> as Kalshi reports it.</summary>
public enum MarketStatus
{
    Initialized,
    Active,
    Inactive,
    Closed,
    Determined,
    Disputed,
    Amended,
    Finalized,
}
