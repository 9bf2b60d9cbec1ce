using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>One execution of one of the demo account's orders.</summary>
/// <param name="YesPrice">The execution's YES price (a NO buyer paid 1 − this).</param>
/// <param name="Fee">Dollars charged for this fill; an order's fills add up to its fee rounded up once.</param>
internal sealed record AccountFill(
    string FillId,
    string OrderId,
    SandboxMarket Market,
    Side Outcome,
    Quantity Count,
    Price YesPrice,
    bool IsTaker,
    decimal Fee,
    DateTimeOffset CreatedTime);
