namespace KalshiDesk.Domain.Pricing;

/// <summary>A series' fee schedule: its <c>fee_type</c> and <c>fee_multiplier</c> (an event override replaces both).</summary>
public sealed record FeeSchedule(FeeType Type, decimal Multiplier)
{
    public static FeeSchedule Standard { get; } = new(FeeType.Quadratic, 1m);

    /// <summary>The maker's share of the taker rate for this fee type.</summary>
    public decimal MakerShare => Type switch
    {
        FeeType.QuadraticWithMakerFees => 0.25m,
        FeeType.QuadraticWithComboMakerFees => 0.5m,
        _ => 0m,
    };
}
