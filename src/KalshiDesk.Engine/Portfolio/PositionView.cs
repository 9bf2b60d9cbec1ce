namespace KalshiDesk.Engine.Portfolio;

/// <summary>A held position as the dashboard and API show it. Dollars throughout.</summary>
/// <param name="Id">The position's key: ticker and side ("KXHIGHNY-26NOV24-T60:yes").</param>
/// <param name="AveragePrice">Cost ÷ contracts.</param>
/// <param name="Value">Contracts × the side's last marked mid, or cost before the first mark.</param>
/// <param name="UnrealizedPnl">Value − cost − fees paid.</param>
public sealed record PositionView(
    string Id,
    string Ticker,
    string EventTicker,
    string Title,
    string Side,
    decimal Contracts,
    decimal AveragePrice,
    decimal Cost,
    decimal FeesPaid,
    decimal Value,
    decimal UnrealizedPnl,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt);
