namespace KalshiDesk.Domain.Pricing;

/// <summary>How an order's fee is rounded (<c>Trading:FeeRounding</c>).</summary>
public enum FeeRounding
{
    /// <summary>Up to the cent per order: the fee schedule's rule, and the conservative default.</summary>
    Cent,

    /// <summary>
    /// Up to $0.0001 per order: Kalshi's 2026 rounding for direct members (the balance change is floored to $0.0001 and
    /// a per-order accumulator rebates the rounding in whole cents, so the net fee is the centi-cent fee).
    /// </summary>
    CentiCent,
}
