using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Web.Api;

/// <summary>The scores of one set of forecasts on settled markets: lower Brier and log loss are better.</summary>
/// <param name="Count">Settled markets scored.</param>
/// <param name="Brier">Mean squared error (0–1).</param>
/// <param name="LogLoss">Mean log loss in nats, forecasts clamped to [0.001, 0.999].</param>
/// <param name="Reliability">Murphy's reliability over 10 bins (lower is better).</param>
/// <param name="Resolution">Murphy's resolution (higher is better).</param>
/// <param name="Uncertainty">Murphy's uncertainty: the Brier score of always forecasting the base rate.</param>
/// <param name="Ece">Expected calibration error over the same bins (0–1).</param>
/// <param name="BaselineBrier">The market price's Brier score on the same markets; null for the market itself.</param>
/// <param name="BrierSkill">1 − Brier / <see cref="BaselineBrier"/>: above 0 beats the market; null without a baseline or when it scored 0.</param>
/// <param name="Bins">The non-empty reliability bins, lowest forecasts first.</param>
public sealed record CalibrationScores(
    int Count,
    double Brier,
    double LogLoss,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double Ece,
    double? BaselineBrier,
    double? BrierSkill,
    IReadOnlyList<CalibrationBin> Bins)
{
    /// <summary>The response form of <paramref name="report"/>; null stays null (nothing settled yet).</summary>
    public static CalibrationScores? From(CalibrationReport? report) =>
        report is null
            ? null
            : new CalibrationScores(
                report.Count,
                report.Brier,
                report.LogLoss,
                report.Murphy.Reliability,
                report.Murphy.Resolution,
                report.Murphy.Uncertainty,
                report.ExpectedCalibrationError,
                report.BaselineBrier,
                report.BrierSkillScore,
                [.. report.Bins.Select(b => new CalibrationBin(b.Lower, b.Upper, b.Count, b.MeanForecast, b.ObservedFrequency, b.WilsonLow, b.WilsonHigh))]);
}
