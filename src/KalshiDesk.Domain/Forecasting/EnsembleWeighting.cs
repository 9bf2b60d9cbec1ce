using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Domain.Forecasting;

/// <summary>
/// Ensemble weights from each model's out-of-sample mean log loss on settled markets.
/// <para>
/// Global: dᵢ = Lᵢ − L̄ (L̄ the forecast-weighted mean log loss of all models), shrunk to d̃ᵢ = sᵢ·dᵢ with
/// sᵢ = nᵢ / (nᵢ + n₀), and wᵢ ∝ exp(−η·d̃ᵢ). Only differences in log loss matter, so a hard category that every
/// model finds hard moves no weight; with no data every d̃ is 0 and the weights are equal.
/// </para>
/// <para>
/// Per category (once it has <see cref="EnsembleWeightingOptions.MinCategoryForecasts"/> scored forecasts): the same
/// with the category's own mean, but each model's advantage is shrunk toward its global one rather than toward 0:
/// d̃ᵢc = sᵢc·(Lᵢc − L̄c) + (1 − sᵢc)·d̃ᵢ.
/// </para>
/// Models are compared on the markets each one scored; a caller that wants a strictly fair race passes only markets
/// every model forecast.
/// </summary>
public static class EnsembleWeighting
{
    /// <summary>Weights from the settled forecasts of every model, global and per category.</summary>
    public static EnsembleWeights Fit(IEnumerable<SettledForecast> settled, EnsembleWeightingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var list = settled as IReadOnlyCollection<SettledForecast> ?? settled.ToList();
        var global = Skills(list);
        var byCategory = list
            .GroupBy(s => s.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Skills(g), StringComparer.Ordinal);
        return Fit(global, byCategory, options);
    }

    /// <summary>Weights from per-model aggregates (e.g. summed in the database), global and per category.</summary>
    public static EnsembleWeights Fit(
        IReadOnlyList<ModelSkill> global,
        IReadOnlyDictionary<string, IReadOnlyList<ModelSkill>> byCategory,
        EnsembleWeightingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(byCategory);
        options ??= EnsembleWeightingOptions.Default;
        Validate(options);

        var globalAdvantage = ShrunkAdvantages(global, options.ShrinkageForecasts, _ => 0d);
        var categories = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (category, skills) in byCategory)
        {
            if (skills.Sum(s => (long)s.Count) < options.MinCategoryForecasts)
            {
                continue;
            }

            var advantage = ShrunkAdvantages(skills, options.ShrinkageForecasts, m => globalAdvantage.GetValueOrDefault(m));
            foreach (var (model, d) in globalAdvantage)
            {
                advantage.TryAdd(model, d);
            }

            categories[category] = ToWeights(advantage, options.Eta);
        }

        return new EnsembleWeights(ToWeights(globalAdvantage, options.Eta), categories);
    }

    /// <summary>Global weights only, from per-model aggregates.</summary>
    public static IReadOnlyDictionary<string, double> Weights(IReadOnlyList<ModelSkill> skills, EnsembleWeightingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(skills);
        options ??= EnsembleWeightingOptions.Default;
        Validate(options);
        return ToWeights(ShrunkAdvantages(skills, options.ShrinkageForecasts, _ => 0d), options.Eta);
    }

    /// <summary>Each model's count and mean log loss over <paramref name="settled"/>.</summary>
    public static IReadOnlyList<ModelSkill> Skills(IEnumerable<SettledForecast> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        return settled
            .GroupBy(s => s.Model, StringComparer.Ordinal)
            .Select(g => new ModelSkill(g.Key, g.Count(), g.Average(s => CalibrationMetrics.LogLoss(s.ProbabilityYes.Value, s.YesWon))))
            .OrderBy(s => s.Model, StringComparer.Ordinal)
            .ToList();
    }

    // Model → shrunk advantage d̃ (log loss relative to the forecast-weighted mean; negative is better).
    private static Dictionary<string, double> ShrunkAdvantages(IReadOnlyList<ModelSkill> skills, double n0, Func<string, double> target)
    {
        long total = 0;
        var weightedLoss = 0d;
        foreach (var skill in skills)
        {
            if (skill.Count < 0 || (skill.Count > 0 && !double.IsFinite(skill.MeanLogLoss)))
            {
                throw new ArgumentOutOfRangeException(nameof(skills), skill, "A model's count must be non-negative and its log loss a number.");
            }

            total += skill.Count;
            weightedLoss += skill.Count * skill.MeanLogLoss;
        }

        var mean = total > 0 ? weightedLoss / total : 0d;
        var advantage = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            var shrink = skill.Count / (skill.Count + n0);
            var own = skill.Count > 0 ? skill.MeanLogLoss - mean : 0d;
            if (!advantage.TryAdd(skill.Model, (shrink * own) + ((1d - shrink) * target(skill.Model))))
            {
                throw new ArgumentException($"Model '{skill.Model}' appears more than once.", nameof(skills));
            }
        }

        return advantage;
    }

    private static Dictionary<string, double> ToWeights(Dictionary<string, double> advantage, double eta)
    {
        if (advantage.Count == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        // Measured from the best advantage so nothing overflows; the floor keeps every weight positive for the pool.
        var best = advantage.Values.Min();
        var raw = advantage.ToDictionary(p => p.Key, p => Math.Max(Math.Exp(-eta * (p.Value - best)), 1e-300), StringComparer.Ordinal);
        var sum = raw.Values.Sum();
        return raw.ToDictionary(p => p.Key, p => p.Value / sum, StringComparer.Ordinal);
    }

    private static void Validate(EnsembleWeightingOptions options)
    {
        if (!double.IsFinite(options.Eta) || options.Eta < 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Eta, "Eta must be a non-negative number.");
        }

        if (!double.IsFinite(options.ShrinkageForecasts) || options.ShrinkageForecasts <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ShrinkageForecasts, "The shrinkage count n₀ must be positive.");
        }
    }
}
