using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Matching;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>An order of the demo account, with what it has filled, paid and still holds in reserve.</summary>
internal sealed class AccountOrder
{
    public required string OrderId { get; init; }

    /// <summary>The client's idempotency key, or "" when none was sent.</summary>
    public required string ClientOrderId { get; init; }

    public required SandboxMarket Market { get; init; }

    /// <summary>YES for a V2 <c>bid</c>, NO for an <c>ask</c> (selling YES is buying NO at 1 − price).</summary>
    public required Side Outcome { get; init; }

    /// <summary>The order's limit as a YES price (the V2 <c>price</c>).</summary>
    public required Price YesPrice { get; init; }

    public required Quantity InitialCount { get; init; }

    public required TimeInForce TimeInForce { get; init; }

    public required SelfTradePrevention SelfTradePrevention { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    public bool CancelOrderOnPause { get; init; }

    public string? OrderGroupId { get; init; }

    public OrderStatus Status { get; set; } = OrderStatus.Resting;

    public DateTimeOffset LastUpdateTime { get; set; }

    public Quantity FillCount { get; set; }

    public Quantity RemainingCount { get; set; }

    /// <summary>Dollars paid for contracts this order took from the book.</summary>
    public decimal TakerFillCost { get; set; }

    /// <summary>Dollars paid for contracts bought while the order rested.</summary>
    public decimal MakerFillCost { get; set; }

    public decimal TakerFees { get; set; }

    public decimal MakerFees { get; set; }

    /// <summary>Unrounded fees so far; the order is charged their ceiling to the cent, so many fills cost no more than one.</summary>
    public decimal TakerRawFee { get; set; }

    public decimal MakerRawFee { get; set; }

    /// <summary>Cash held back while the order rests: its remaining cost and the most maker fee it can owe.</summary>
    public decimal ReservedCost { get; set; }

    public decimal ReservedFee { get; set; }

    public RestingOrder? Resting { get; set; }

    /// <summary>The limit in the bought outcome's dollars.</summary>
    public Price OutcomePrice => Outcome == Side.Yes ? YesPrice : YesPrice.Complement;

    public string BookSide => Outcome == Side.Yes ? "bid" : "ask";
}
