using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A <c>fill</c> message: one of the account's orders traded.</summary>
/// <param name="OutcomeSide">The outcome this fill gave exposure to (<c>outcome_side</c>, else the deprecated <c>purchased_side</c>/<c>side</c>).</param>
/// <param name="Action">The deprecated <c>action</c> (<c>buy</c>/<c>sell</c>) when sent.</param>
/// <param name="YesPrice">The fill price in YES terms, dollars.</param>
/// <param name="Fee">The exchange fee for this fill (<c>fee_cost</c>).</param>
/// <param name="PostPosition">The position in contracts after the fill; negative is NO (<c>post_position_fp</c>).</param>
public sealed record FillUpdate(
    long Sid,
    string TradeId,
    string OrderId,
    string MarketTicker,
    bool IsTaker,
    Side OutcomeSide,
    string? Action,
    Price YesPrice,
    Quantity Count,
    Money Fee,
    decimal PostPosition,
    string? ClientOrderId,
    int? Subaccount,
    DateTimeOffset ExchangeTime,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
