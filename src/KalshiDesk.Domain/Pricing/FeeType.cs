namespace KalshiDesk.Domain.Pricing;

/// <summary>Kalshi's series <c>fee_type</c> (or an event's <c>fee_type_override</c>).</summary>
public enum FeeType
{
    /// <summary><c>quadratic</c>, the general trading fees: takers pay 0.07·m·C·P·(1−P), makers pay nothing.</summary>
    Quadratic,

    /// <summary><c>quadratic_with_maker_fees</c>: as quadratic, and makers pay a quarter of the taker rate (0.0175·m·C·P·(1−P)).</summary>
    QuadraticWithMakerFees,

    /// <summary><c>quadratic_with_combo_maker_fees</c> (from 2026-08): makers pay half the taker rate (0.035·m·C·P·(1−P)).</summary>
    QuadraticWithComboMakerFees,

    /// <summary>
    /// <c>flat</c>, Kalshi's "specific trading fees table": the API carries that table as the multiplier (0.5 for the
    /// half-rate index series), so it is charged as quadratic scaled by m, makers free.
    /// </summary>
    Flat,
}
