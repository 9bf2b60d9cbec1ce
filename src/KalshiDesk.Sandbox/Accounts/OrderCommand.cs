using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Matching;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>A validated V2 create-order request.</summary>
/// <param name="Outcome">YES for <c>side=bid</c> (buy YES), NO for <c>side=ask</c> (sell YES = buy NO).</param>
/// <param name="YesPrice">The V2 <c>price</c>: the YES price; a NO buyer pays at most 1 − it.</param>
internal sealed record OrderCommand(
    string Ticker,
    string? ClientOrderId,
    Side Outcome,
    Price YesPrice,
    Quantity Count,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention)
{
    public bool PostOnly { get; init; }

    public bool ReduceOnly { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    public bool CancelOrderOnPause { get; init; }

    public string? OrderGroupId { get; init; }
}
