using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A <c>user_order</c> message: the state of one of the account's orders.</summary>
/// <param name="Status"><c>resting</c>, <c>canceled</c> or <c>executed</c>, as Kalshi sends it.</param>
/// <param name="OutcomeSide">The outcome the order is positioned for (<c>outcome_side</c>, else <c>side</c>).</param>
/// <param name="YesPrice">The limit price in YES terms, dollars.</param>
public sealed record UserOrderUpdate(
    long Sid,
    string OrderId,
    string MarketTicker,
    string Status,
    Side OutcomeSide,
    Price YesPrice,
    Quantity FilledCount,
    Quantity RemainingCount,
    Quantity InitialCount,
    Money TakerFillCost,
    Money MakerFillCost,
    Money TakerFees,
    Money MakerFees,
    string? ClientOrderId,
    string? OrderGroupId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    DateTimeOffset? ExpiresAt,
    int? Subaccount,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
