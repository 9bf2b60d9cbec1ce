namespace KalshiDesk.Domain.Pricing;

/// <summary>How an order's fee is rounded.</summary>
public enum FeeRounding
{
    /// <summary>Up to the cent per order: the fee schedule's rule, and the conservative default.</summary>
    Cent,

    /// <summary>Up to $0.0001 per order: Kalshi's 2026 rounding for direct members.</summary>
    CentiCent,
}
