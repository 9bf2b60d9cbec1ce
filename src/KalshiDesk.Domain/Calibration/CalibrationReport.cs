using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>Every calibration measure of one set of settled forecasts, optionally against a baseline (the market price).</summary>
/// <param name="Count">Settled forecasts scored.</param>
/// <param name="Brier">Mean squared error (0–1).</param>
/// <param name="LogLoss">Mean log loss in nats, forecasts clamped to [0.001, 0.999].</param>
/// <param name="Murphy">Reliability, resolution, uncertainty and the within-bin terms.</param>
/// <param name="Bins">The non-empty reliability-diagram bins.</param>
/// <param name="ExpectedCalibrationError">ECE over the same bins (0–1).</param>
/// <param name="BaselineBrier">Brier score of the baseline on the same outcomes, when a baseline was given.</param>
/// <param name="BrierSkillScore">1 − Brier / BaselineBrier; above 0 beats the baseline; null without a baseline or when it scored 0.</param>
public sealed record CalibrationReport(
    int Count,
    double Brier,
    double LogLoss,
    MurphyDecomposition Murphy,
    IReadOnlyList<ReliabilityBin> Bins,
    double ExpectedCalibrationError,
    double? BaselineBrier,
    double? BrierSkillScore)
{
    /// <summary>Scores <paramref name="pairs"/> (at least one) with <paramref name="binCount"/> equal-width bins, against <paramref name="baseline"/> when given.</summary>
    public static CalibrationReport From(
        IReadOnlyList<ForecastOutcome> pairs,
        IReadOnlyList<Probability>? baseline = null,
        int binCount = CalibrationMetrics.DefaultBinCount)
    {
        var brier = CalibrationMetrics.Brier(pairs);
        double? baselineBrier = baseline is null ? null : CalibrationMetrics.Brier(CalibrationMetrics.WithBaseline(pairs, baseline));
        return new CalibrationReport(
            pairs.Count,
            brier,
            CalibrationMetrics.LogLoss(pairs),
            CalibrationMetrics.Murphy(pairs, binCount),
            CalibrationMetrics.ReliabilityBins(pairs, binCount),
            CalibrationMetrics.ExpectedCalibrationError(pairs, binCount),
            baselineBrier,
            baselineBrier is { } b ? CalibrationMetrics.BrierSkillScore(brier, b) : null);
    }
}
