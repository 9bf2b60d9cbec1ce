namespace KalshiDesk.Domain.Pricing;

/// <summary>Kalshi's series <c>fee_type</c>.</summary>
public enum FeeType
{
    /// <summary>General trading fees: takers pay 0.07·C·P·(1−P), makers pay nothing.</summary>
    Quadratic,

    /// <summary>As quadratic, and makers pay a quarter of the taker rate (0.0175·C·P·(1−P)).</summary>
    QuadraticWithMakerFees,

    /// <summary>The combo variant: makers pay half the taker rate (0.035·C·P·(1−P)).</summary>
    QuadraticWithComboMakerFees,

    /// <summary>Kalshi's "specific trading fees table"; modelled as quadratic scaled by the multiplier.</summary>
    Flat,
}
