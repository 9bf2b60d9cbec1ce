using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A <c>ticker</c> message: top of book, last price and running totals of one market. Prices in dollars, sizes in contracts.</summary>
public sealed record TickerUpdate(
    long Sid,
    string MarketTicker,
    string? MarketId,
    Price LastPrice,
    Price YesBid,
    Price YesAsk,
    Quantity YesBidSize,
    Quantity YesAskSize,
    Quantity LastTradeSize,
    Quantity Volume,
    Quantity OpenInterest,
    long DollarVolume,
    long DollarOpenInterest,
    DateTimeOffset ExchangeTime,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
