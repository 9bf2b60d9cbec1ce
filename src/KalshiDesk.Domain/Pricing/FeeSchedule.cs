namespace KalshiDesk.Domain.Pricing;

/// <summary>
/// The fees of one market: its series' <c>fee_type</c> and <c>fee_multiplier</c> (an event's <c>fee_type_override</c> and
/// <c>fee_multiplier_override</c> replace both), and how the desk's account has each order's fee rounded.
/// </summary>
/// <param name="Type">The fee type, which decides what makers pay.</param>
/// <param name="Multiplier">Kalshi's fee multiplier m, scaling taker and maker fees alike (0.5 for the half-rate index series).</param>
public sealed record FeeSchedule(FeeType Type, decimal Multiplier)
{
    /// <summary>The general schedule: fee type quadratic, multiplier 1, rounded up to the cent.</summary>
    public static FeeSchedule Standard { get; } = new(FeeType.Quadratic, 1m);

    /// <summary>The fee multiplier m; never negative (Kalshi's fee changes stay within 0–10).</summary>
    public decimal Multiplier { get; init; } = Multiplier >= 0m
        ? Multiplier
        : throw new ArgumentOutOfRangeException(nameof(Multiplier), Multiplier, "A fee multiplier cannot be negative.");

    /// <summary>How each order's fee is rounded: up to the cent (default, the fee schedule's rule) or to $0.0001.</summary>
    public FeeRounding Rounding { get; init; } = FeeRounding.Cent;

    /// <summary>The maker's share of the taker rate for this fee type: 0, ¼ (maker fees) or ½ (combo maker fees).</summary>
    public decimal MakerShare => Type switch
    {
        FeeType.QuadraticWithMakerFees => 0.25m,
        FeeType.QuadraticWithComboMakerFees => 0.5m,
        _ => 0m,
    };

    /// <summary>The highest unrounded taker fee of one contract, at P = 0.50: 0.07 × m × ¼ = 0.0175·m dollars.</summary>
    public decimal MaxTakerFeePerContract => KalshiFeeModel.TakerRate * Multiplier / 4m;

    /// <summary>
    /// The fees under an event's override: the override's type and multiplier, this schedule's rounding (a property of
    /// the account, not of the event). No override leaves the schedule as it is.
    /// </summary>
    public FeeSchedule WithOverride(FeeSchedule? eventOverride) =>
        eventOverride is null ? this : eventOverride with { Rounding = Rounding };
}
