namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>A market's strike: "above 52°F" or "below 48°F", in the underlying's own units.</summary>
public readonly record struct MarketStrike
{
    private MarketStrike(StrikeKind kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    public StrikeKind Kind { get; }

    /// <summary>The floor strike for <see cref="StrikeKind.Above"/>, the cap strike for <see cref="StrikeKind.Below"/>.</summary>
    public double Value { get; }

    /// <summary>YES when the value ends above <paramref name="floor"/>.</summary>
    public static MarketStrike Above(double floor) => new(StrikeKind.Above, Finite(floor));

    /// <summary>YES when the value ends below <paramref name="cap"/>.</summary>
    public static MarketStrike Below(double cap) => new(StrikeKind.Below, Finite(cap));

    /// <summary>
    /// From Kalshi's market fields, or null for a strike type this model does not price ("between", "custom",
    /// "structured", "functional": a between bucket of integer readings needs a rounding model it does not have).
    /// </summary>
    public static MarketStrike? FromKalshi(string? strikeType, decimal? floorStrike, decimal? capStrike) => strikeType switch
    {
        "greater" or "greater_or_equal" when floorStrike is { } floor => Above((double)floor),
        "less" or "less_or_equal" when capStrike is { } cap => Below((double)cap),
        _ => null,
    };

    /// <summary>P(YES) when the value is normal with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    public double ProbabilityYes(double mean, double sd)
    {
        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be a finite number.");
        }

        if (!double.IsFinite(sd) || sd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The standard deviation must be a positive number.");
        }

        // P(X > k) = 1 − Φ((k − μ)/σ); P(X < k) = Φ((k − μ)/σ). Continuous: "above" and "at or above" price alike.
        var below = StandardNormal.Cdf((Value - mean) / sd);
        return Kind == StrikeKind.Above ? 1 - below : below;
    }

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A strike must be a finite number.");
}
