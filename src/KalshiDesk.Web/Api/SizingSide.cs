namespace KalshiDesk.Web.Api;

/// <summary>One side of <c>POST /api/sizing</c>'s answer, bought as a taker at its ask. Dollars and probability points.</summary>
/// <param name="Price">What one contract costs: the YES ask, or 1 − the YES bid for NO.</param>
/// <param name="FeePerContract">The unrounded taker fee of one contract, 0.07 × P × (1 − P).</param>
/// <param name="Edge">Probability of the side − price − fee per contract.</param>
/// <param name="KellyFraction">Full Kelly f* = (q − c)/(1 − c) on the all-in cost c; 0 without edge.</param>
/// <param name="Contracts">Contracts to buy under the preset: its Kelly multiplier, single-trade cap and minimum edge.</param>
/// <param name="Cost">Contracts × price.</param>
/// <param name="Fee">The order's fee, rounded up as Kalshi charges it (<c>Trading:FeeRounding</c>).</param>
public sealed record SizingSide(decimal Price, decimal FeePerContract, double Edge, double KellyFraction, decimal Contracts, decimal Cost, decimal Fee);
