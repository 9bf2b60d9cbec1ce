using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Forecasting;

/// <summary>
/// Weighted pooling in log-odds space: p = σ(Σ wᵢ·logit(pᵢ) / Σ wᵢ) over the models that gave a forecast.
/// Log-odds pooling keeps a confident model confident (a linear average of 0.02 and 0.50 would say 0.26, the
/// log-odds pool with equal weights 0.125), and the pooled p always lies between the smallest and largest input.
/// </summary>
public static class LogOddsPool
{
    /// <summary>
    /// Pools <paramref name="forecasts"/> with <paramref name="weights"/> (model → positive weight; only ratios matter).
    /// A model missing from <paramref name="weights"/> gets an equal share, 1 / the number of weighted models
    /// (1 when there are none). Returns null when no model gave a forecast.
    /// </summary>
    public static PooledForecast? Pool(IReadOnlyList<ModelForecast> forecasts, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(weights);
        if (forecasts.Count == 0)
        {
            return null;
        }

        var equalShare = weights.Count == 0 ? 1d : 1d / weights.Count;
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        var logits = new double[forecasts.Count];
        double weightSum = 0d, weightedLogits = 0d;
        for (var i = 0; i < forecasts.Count; i++)
        {
            var forecast = forecasts[i];
            var weight = weights.TryGetValue(forecast.Model, out var w) ? w : equalShare;
            if (!double.IsFinite(weight) || weight <= 0d)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"The weight of model '{forecast.Model}' must be a positive number.");
            }

            if (!raw.TryAdd(forecast.Model, weight))
            {
                throw new ArgumentException($"Model '{forecast.Model}' gave more than one forecast.", nameof(forecasts));
            }

            logits[i] = LogOdds.Logit(forecast.ProbabilityYes.Value);
            weightSum += weight;
            weightedLogits += weight * logits[i];
        }

        var normalised = raw.ToDictionary(pair => pair.Key, pair => pair.Value / weightSum, StringComparer.Ordinal);
        var pooled = AllEqual(forecasts)
            ? forecasts[0].ProbabilityYes
            : Probability.Of(LogOdds.Logistic(weightedLogits / weightSum));
        return new PooledForecast(pooled, Disagreement(logits), normalised);
    }

    /// <summary>Pools with the weights for <paramref name="category"/> (the global ones when it has none of its own).</summary>
    public static PooledForecast? Pool(IReadOnlyList<ModelForecast> forecasts, EnsembleWeights weights, string? category)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return Pool(forecasts, weights.For(category));
    }

    /// <summary>Population standard deviation of the models' logits (log-odds units); 0 for one model.</summary>
    public static double Disagreement(IReadOnlyList<ModelForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        return Disagreement(forecasts.Select(f => LogOdds.Logit(f.ProbabilityYes.Value)).ToArray());
    }

    private static double Disagreement(double[] logits)
    {
        if (logits.Length < 2)
        {
            return 0d;
        }

        var mean = logits.Average();
        var variance = logits.Sum(x => (x - mean) * (x - mean)) / logits.Length;
        return Math.Sqrt(variance);
    }

    // Identical inputs return that input exactly rather than σ(logit(p)), which can differ in the last bit.
    private static bool AllEqual(IReadOnlyList<ModelForecast> forecasts)
    {
        for (var i = 1; i < forecasts.Count; i++)
        {
            if (forecasts[i].ProbabilityYes != forecasts[0].ProbabilityYes)
            {
                return false;
            }
        }

        return true;
    }
}
