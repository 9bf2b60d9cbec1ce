using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Web.Api;

/// <summary>One forecasting model on the settled markets it forecast, beside the market price on the same markets.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Weight">Its current global ensemble weight (0–1; the weights sum to 1).</param>
/// <param name="Count">Settled markets it forecast.</param>
/// <param name="Brier">Its Brier score on them.</param>
/// <param name="LogLoss">Its mean log loss in nats.</param>
/// <param name="Reliability">Murphy's reliability of its forecasts.</param>
/// <param name="Resolution">Murphy's resolution of its forecasts.</param>
/// <param name="Ece">Its expected calibration error.</param>
/// <param name="MarketBrier">The market price's Brier score on the same markets.</param>
/// <param name="BrierSkill">1 − Brier / <see cref="MarketBrier"/>: above 0 beats the market.</param>
public sealed record ModelScores(
    string Model,
    double Weight,
    int Count,
    double Brier,
    double LogLoss,
    double Reliability,
    double Resolution,
    double Ece,
    double? MarketBrier,
    double? BrierSkill)
{
    public static ModelScores From(ModelCalibration model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var report = model.Report;
        return new ModelScores(
            model.Model,
            model.Weight,
            report.Count,
            report.Brier,
            report.LogLoss,
            report.Murphy.Reliability,
            report.Murphy.Resolution,
            report.ExpectedCalibrationError,
            report.BaselineBrier,
            report.BrierSkillScore);
    }
}
