using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>An order in a book: a bid for one outcome, at that outcome's price.</summary>
internal sealed class RestingOrder
{
    public required long Sequence { get; init; }

    public required Trader Owner { get; init; }

    /// <summary>The outcome bid for: a YES bid, or a NO bid (which is a YES ask at 1 − price).</summary>
    public required Side Outcome { get; init; }

    /// <summary>The bid in the outcome's own dollars.</summary>
    public required Price Price { get; init; }

    public required Quantity Remaining { get; set; }

    /// <summary>The demo account's order this rests for, when <see cref="Owner"/> is the account.</summary>
    public AccountOrder? AccountOrder { get; init; }
}
