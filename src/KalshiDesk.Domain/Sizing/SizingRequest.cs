using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>Inputs to size one side of one market.</summary>
/// <param name="Probability">The calibrated probability that the side bought wins.</param>
/// <param name="Price">The price paid per contract (the side's ask, or the bid a maker order rests at).</param>
/// <param name="Fees">The market's fees (fee type, multiplier, rounding).</param>
/// <param name="KellyMultiplier">The preset's fraction of full Kelly.</param>
/// <param name="Equity">Account equity in dollars.</param>
/// <param name="MaxOutlay">The most one trade may cost, fee included.</param>
/// <param name="Cash">Cash available.</param>
/// <param name="Depth">Contracts offered at this price or better; null when unknown.</param>
/// <param name="Fractional">Whether the market accepts fractional contracts (0.01 steps).</param>
public sealed record SizingRequest(
    Probability Probability,
    Price Price,
    FeeSchedule Fees,
    decimal KellyMultiplier,
    Money Equity,
    Money MaxOutlay,
    Money Cash,
    Quantity? Depth,
    bool Fractional)
{
    /// <summary>The book's offers to walk, best first; null sizes at <see cref="Price"/> with <see cref="Depth"/>.</summary>
    public AskLadder? Ladder { get; init; }

    /// <summary>Taker (default: the order crosses now) or maker (it rests and pays the maker fee).</summary>
    public Liquidity Liquidity { get; init; } = Liquidity.Taker;

    /// <summary>The least edge, net of fee, a contract must have at its own price level to be bought (probability points).</summary>
    public double MinEdge { get; init; }
}
