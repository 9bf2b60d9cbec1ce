using System.Globalization;

namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Picks identity, Platt or isotonic by k-fold cross-validated log loss (folds by index mod k, so the choice is
/// deterministic), keeping the identity with too little history or when nothing beats it by the required margin
/// (see <see cref="RecalibratorChooserOptions"/>).
/// The winner is refitted on all pairs.
/// </summary>
public static class RecalibratorChooser
{
    private static readonly (string Name, Func<IReadOnlyList<ForecastOutcome>, IRecalibrator> Fit)[] Candidates =
    [
        (IdentityRecalibrator.ModelName, _ => IdentityRecalibrator.Instance),
        (PlattRecalibrator.ModelName, pairs => PlattRecalibrator.Fit(pairs)),
        (IsotonicRecalibrator.ModelName, IsotonicRecalibrator.Fit),
    ];

    /// <summary>Chooses the recalibrator for <paramref name="pairs"/> (settled history, in a fixed order, e.g. by settlement time).</summary>
    public static RecalibratorChoice Choose(IReadOnlyList<ForecastOutcome> pairs, RecalibratorChooserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= RecalibratorChooserOptions.Default;
        if (options.Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "Cross-validation needs at least 2 folds.");
        }

        if (pairs.Count < Math.Max(options.MinPairs, options.Folds))
        {
            return new RecalibratorChoice(
                IdentityRecalibrator.Instance,
                new Dictionary<string, double>(StringComparer.Ordinal),
                string.Create(CultureInfo.InvariantCulture, $"identity: {pairs.Count} settled forecasts, fewer than the {options.MinPairs} needed to recalibrate"));
        }

        var losses = Candidates.ToDictionary(c => c.Name, c => OutOfSampleLogLosses(pairs, c.Fit, options.Folds), StringComparer.Ordinal);
        var scores = losses.ToDictionary(p => p.Key, p => p.Value.Average(), StringComparer.Ordinal);
        var identity = scores[IdentityRecalibrator.ModelName];
        var best = Candidates.MinBy(c => scores[c.Name]);
        var required = RequiredImprovement(losses[IdentityRecalibrator.ModelName], losses[best.Name], options);
        if (best.Name == IdentityRecalibrator.ModelName || identity - scores[best.Name] < required)
        {
            return new RecalibratorChoice(
                IdentityRecalibrator.Instance,
                scores,
                string.Create(CultureInfo.InvariantCulture, $"identity: no recalibration beat it by the {required:0.0000} nats needed out of sample (identity {identity:0.0000}, best {best.Name} {scores[best.Name]:0.0000})"));
        }

        return new RecalibratorChoice(
            best.Fit(pairs),
            scores,
            string.Create(CultureInfo.InvariantCulture, $"{best.Name}: out-of-sample log loss {scores[best.Name]:0.0000} vs identity {identity:0.0000} over {pairs.Count} settled forecasts"));
    }

    /// <summary>Mean log loss of <paramref name="fit"/> over <paramref name="folds"/> folds, each pair scored by a map fitted without it.</summary>
    public static double CrossValidatedLogLoss(IReadOnlyList<ForecastOutcome> pairs, Func<IReadOnlyList<ForecastOutcome>, IRecalibrator> fit, int folds) =>
        OutOfSampleLogLosses(pairs, fit, folds).Average();

    // The larger of the fixed margin and the chosen number of standard errors of the paired per-forecast differences.
    private static double RequiredImprovement(double[] identity, double[] candidate, RecalibratorChooserOptions options)
    {
        var n = identity.Length;
        var differences = identity.Zip(candidate, (i, c) => i - c).ToArray();
        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        return Math.Max(options.MinImprovement, options.StandardErrors * Math.Sqrt(variance / n));
    }

    // Each pair's log loss under a map fitted on the other folds; pair i is held out in fold i mod k.
    private static double[] OutOfSampleLogLosses(IReadOnlyList<ForecastOutcome> pairs, Func<IReadOnlyList<ForecastOutcome>, IRecalibrator> fit, int folds)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(fit);
        if (folds < 2 || pairs.Count < folds)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Need 2 ≤ folds ≤ pairs ({pairs.Count}).");
        }

        var losses = new double[pairs.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = new List<ForecastOutcome>(pairs.Count);
            for (var i = 0; i < pairs.Count; i++)
            {
                if (i % folds != fold)
                {
                    training.Add(pairs[i]);
                }
            }

            var recalibrator = fit(training);
            for (var i = fold; i < pairs.Count; i += folds)
            {
                losses[i] = CalibrationMetrics.LogLoss(recalibrator.Apply(pairs[i].Forecast).Value, pairs[i].YesWon);
            }
        }

        return losses;
    }
}
