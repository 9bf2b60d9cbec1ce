using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>A sized trade.</summary>
/// <param name="KellyFraction">Full Kelly f* = (q − c)/(1 − c) on the all-in cost c; 0 when the edge is not positive.</param>
/// <param name="Contracts">Contracts to buy.</param>
/// <param name="Cost">Contracts × price, in dollars.</param>
/// <param name="Fee">The order's taker fee, rounded as Kalshi rounds it.</param>
/// <param name="LimitedBy">What bounded the size.</param>
public sealed record SizingResult(double KellyFraction, Quantity Contracts, Money Cost, Money Fee, SizingLimit LimitedBy)
{
    /// <summary>Cost plus fee: what the trade takes from cash.</summary>
    public Money Outlay => Cost + Fee;
}
