using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>A sized trade.</summary>
/// <param name="KellyFraction">Full Kelly f* = (q − c)/(1 − c) on the all-in cost c (average over the levels taken); 0 when the edge is not positive.</param>
/// <param name="Contracts">Contracts to buy.</param>
/// <param name="Cost">Contracts × prices, in dollars.</param>
/// <param name="Fee">The order's fee, rounded up once as Kalshi rounds it.</param>
/// <param name="LimitedBy">What bounded the size.</param>
public sealed record SizingResult(double KellyFraction, Quantity Contracts, Money Cost, Money Fee, SizingLimit LimitedBy)
{
    /// <summary>No stake and no edge: full Kelly 0, nothing bought.</summary>
    public static SizingResult NoEdge { get; } = new(0d, Quantity.Zero, Money.Zero, Money.Zero, SizingLimit.NoEdge);

    /// <summary>The most expensive price level the order reaches (its limit price), or null when nothing is sized.</summary>
    public Price? LimitPrice { get; init; }

    /// <summary>The order's fee before rounding, in dollars: each contract's fee at its own level, summed.</summary>
    public decimal UnroundedFee { get; init; }

    /// <summary>Cost plus fee: what the trade takes from cash.</summary>
    public Money Outlay => Cost + Fee;

    /// <summary>Cost ÷ contracts, in dollars, or null when nothing is sized.</summary>
    public decimal? AveragePrice => Contracts.IsZero ? null : Cost.Dollars / Contracts.Contracts;
}
