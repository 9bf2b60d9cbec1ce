namespace KalshiDesk.Domain.Calibration;

/// <summary>How the recalibrator is chosen.</summary>
/// <param name="MinPairs">Below this many settled pairs the identity is kept (default 50): too few to learn a curve from.</param>
/// <param name="Folds">k of the k-fold cross-validation (default 5); pair i is held out in fold i mod k.</param>
/// <param name="MinImprovement">
/// Out-of-sample log loss a recalibrator must save over the identity, in nats per forecast (default 0.001), so
/// noise on calibrated history does not swap in a curve.
/// </param>
/// <param name="StandardErrors">
/// The saving must also exceed this many standard errors of the paired per-forecast differences (default 0.5), which
/// matters on thin history, where a fixed margin is within noise. On 100 synthetic pairs, 0.5 swapped a curve into
/// calibrated history 9 times in 100 and caught forecasts twice too extreme in log-odds 78 times in 100 (1.0: 3 and 52).
/// </param>
public sealed record RecalibratorChooserOptions(int MinPairs = 50, int Folds = 5, double MinImprovement = 0.001, double StandardErrors = 0.5)
{
    public static RecalibratorChooserOptions Default { get; } = new();
}
