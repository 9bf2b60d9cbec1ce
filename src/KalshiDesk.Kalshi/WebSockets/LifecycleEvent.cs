using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A <c>market_lifecycle_v2</c> message. Each event type fills only its own fields (NOTES §4.4); the rest are null.</summary>
/// <param name="IsDeactivated">On <c>deactivated</c>/<c>activated</c>: whether trading is paused on the open market.</param>
/// <param name="Result">On <c>determined</c>: the result (<c>yes</c>, <c>no</c>, …).</param>
/// <param name="SettlementValue">On <c>determined</c>: the YES payout in dollars.</param>
public sealed record LifecycleEvent(
    long Sid,
    string MarketTicker,
    MarketLifecycleEventType EventType,
    string EventTypeName,
    DateTimeOffset? OpenTime,
    DateTimeOffset? CloseTime,
    bool? IsDeactivated,
    string? Result,
    Price? SettlementValue,
    DateTimeOffset? DeterminedAt,
    DateTimeOffset? SettledAt,
    string? PriceLevelStructure,
    string? EventTicker,
    string? Title,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
