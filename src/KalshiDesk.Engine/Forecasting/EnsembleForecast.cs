using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>The blend for one market: every model's own forecast, their log-odds pool and its recalibration.</summary>
/// <param name="Models">Each model that gave a forecast, with its inputs and confidence, in registration order.</param>
/// <param name="Pooled">The weighted log-odds pool of <paramref name="Models"/>, its disagreement and the weights used.</param>
/// <param name="Calibrated">The pooled probability of YES (0–1) after recalibration: the desk's estimate.</param>
/// <param name="Recalibrator">The recalibrator applied ("identity", "platt", "isotonic").</param>
public sealed record EnsembleForecast(
    IReadOnlyList<Forecast> Models,
    PooledForecast Pooled,
    Probability Calibrated,
    string Recalibrator,
    DateTimeOffset DecisionTime)
{
    /// <summary>The desk's probability of YES: the calibrated pool.</summary>
    public Probability ProbabilityYes => Calibrated;

    /// <summary>Population standard deviation of the models' logits (log-odds units), for the risk gate's sit-out rule.</summary>
    public double Disagreement => Pooled.Disagreement;
}
