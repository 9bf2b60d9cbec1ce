using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>Leaves forecasts as they are: the default until history shows a recalibration that does better.</summary>
public sealed class IdentityRecalibrator : IRecalibrator
{
    public const string ModelName = "identity";

    private IdentityRecalibrator()
    {
    }

    public static IdentityRecalibrator Instance { get; } = new();

    public string Name => ModelName;

    public Probability Apply(Probability forecast) => forecast;

    public override string ToString() => ModelName;
}
