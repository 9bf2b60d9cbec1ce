using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A <c>trade</c> message: one print on the public tape.</summary>
/// <param name="TakerOutcomeSide">The outcome the taker bought exposure to (<c>taker_outcome_side</c>, else the deprecated <c>taker_side</c>).</param>
public sealed record TradePrint(
    long Sid,
    string TradeId,
    string MarketTicker,
    Price YesPrice,
    Price NoPrice,
    Quantity Count,
    Side TakerOutcomeSide,
    DateTimeOffset ExchangeTime,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
