using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Forecasting;

/// <summary>The ensemble's view of one market.</summary>
/// <param name="ProbabilityYes">The pooled probability that YES wins (0–1).</param>
/// <param name="Disagreement">Population standard deviation of the models' logits (log-odds units); 0 for one model.</param>
/// <param name="Weights">The weight each contributing model carried, summing to 1.</param>
public sealed record PooledForecast(Probability ProbabilityYes, double Disagreement, IReadOnlyDictionary<string, double> Weights)
{
    /// <summary>How many models contributed.</summary>
    public int ModelCount => Weights.Count;
}
