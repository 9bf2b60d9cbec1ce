using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Decisions;

/// <summary>One side of a market priced and sized on one route.</summary>
/// <param name="Probability">The probability that this side wins.</param>
/// <param name="Price">
/// The order's limit price in this side's dollars: for a taker order the deepest level the sized order takes (the side's
/// ask when nothing is sized), for a maker order the side's best bid, where it rests.
/// </param>
/// <param name="FeePerContract">The unrounded fee per contract: the taker fee averaged over the levels taken, or the maker fee at the limit.</param>
/// <param name="Edge">Probability − average price − fee per contract: the edge of the contracts sized, in probability points.</param>
/// <param name="Sizing">The order's size, cost and rounded fee.</param>
public sealed record SideEvaluation(Side Side, Probability Probability, Price Price, decimal FeePerContract, double Edge, SizingResult Sizing)
{
    /// <summary>Taker (cross now, the default) or maker (rest at the side's best bid and wait to be filled).</summary>
    public Liquidity Route { get; init; } = Liquidity.Taker;

    /// <summary>The chance the order fills: 1 for a taker order against the book, the maker fill model's estimate for a resting bid.</summary>
    public double FillProbability { get; init; } = 1d;

    /// <summary>
    /// The other route's evaluation of this side, the better expected value having been chosen; null when there was no
    /// other route worth pricing (no book or tape for a maker bid, or a bid whose edge is below the preset's minimum).
    /// </summary>
    public SideEvaluation? Alternative { get; init; }

    /// <summary>Expected profit in dollars: fill probability × contracts × edge.</summary>
    public double ExpectedValue => FillProbability * (double)Sizing.Contracts.Contracts * Edge;
}
