using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// Learns the forecast command's models from settled history:
/// <list type="number">
/// <item>the price's recalibration (<see cref="CategoryRecalibration"/> over the (price, outcome) pairs);</item>
/// <item>ensemble weights (<see cref="EnsembleWeighting"/>) from each model's log score on rows it did not learn from:
/// the price and the favourite–longshot prior learn nothing here, and the recalibrated price is scored by k-fold
/// cross-validation, folds by ticker;</item>
/// <item>a calibration of the pooled estimate, learned on pooled forecasts that are themselves out of sample (each
/// fold pooled with weights learned without it), so the blend's final curve corrects the pool, not its training data.</item>
/// </list>
/// The blended estimate's own score comes from cross-validating step 3 over the same folds.
/// </summary>
public static class ForecastLearner
{
    /// <summary>Learns from <paramref name="history"/> (at least one row, in file order).</summary>
    public static LearnedForecaster Learn(IReadOnlyList<SettledMarketRow> history, ForecastLearnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= ForecastLearnerOptions.Default;
        if (history.Count == 0)
        {
            throw new ArgumentException("At least one settled market is needed to learn from.", nameof(history));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 2, nameof(options));
        var n = history.Count;
        var categories = history.Select(r => r.Category).ToArray();
        var open = history.Select(r => r.AsOpen()).ToArray();
        var price = open.Select(OfflineModels.MarketImpliedAt).ToArray();
        var prior = open.Select(OfflineModels.FavouriteLongshotAt).ToArray();
        var (fold, markets) = FoldsByTicker(history, options.Folds);

        // 1. The recalibrated price, for every row from a fit that did not see its market.
        var pricePairs = Pairs(categories, price, history);
        var recalibrated = OutOfFold(pricePairs, fold, options);

        // 2. Weights from the out-of-sample log scores.
        var settled = new List<SettledForecast>(3 * n);
        for (var i = 0; i < n; i++)
        {
            settled.Add(new SettledForecast(OfflineModels.MarketImplied, categories[i], price[i], history[i].YesWon));
            settled.Add(new SettledForecast(OfflineModels.FavouriteLongshot, categories[i], prior[i], history[i].YesWon));
            settled.Add(new SettledForecast(OfflineModels.Recalibrated, categories[i], recalibrated[i], history[i].YesWon));
        }

        var weights = EnsembleWeighting.Fit(settled, options.Ensemble);

        // 3. The pool, each fold with weights learned without it, then the calibration of the pool.
        var pooled = new Probability[n];
        for (var f = 0; f < options.Folds; f++)
        {
            var held = Enumerable.Range(0, n).Where(i => fold[i] == f).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            // settled holds three forecasts a row, so entry j belongs to row j / 3.
            var foldWeights = EnsembleWeighting.Fit(settled.Where((_, j) => fold[j / 3] != f), options.Ensemble);
            foreach (var i in held)
            {
                ModelForecast[] models =
                [
                    new(OfflineModels.MarketImplied, price[i]),
                    new(OfflineModels.FavouriteLongshot, prior[i]),
                    new(OfflineModels.Recalibrated, recalibrated[i]),
                ];
                pooled[i] = LogOddsPool.Pool(models, foldWeights, categories[i])!.ProbabilityYes;
            }
        }

        var pooledPairs = Pairs(categories, pooled, history);
        var blended = OutOfFold(pooledPairs, fold, options);

        var scores = new List<ModelScore>();
        var priceBrier = CalibrationMetrics.Brier(Outcomes(price, history));
        foreach (var (model, forecasts) in new[]
        {
            (OfflineModels.MarketImplied, price),
            (OfflineModels.FavouriteLongshot, prior),
            (OfflineModels.Recalibrated, recalibrated),
            (LearnedForecaster.Probability, blended),
        })
        {
            var pairs = Outcomes(forecasts, history);
            var brier = CalibrationMetrics.Brier(pairs);
            scores.Add(new ModelScore(model, n, brier, CalibrationMetrics.LogLoss(pairs), CalibrationMetrics.BrierSkillScore(brier, priceBrier)));
        }

        return new LearnedForecaster(
            n,
            markets,
            options.Folds,
            CategoryRecalibration.Fit(pricePairs, options.MinCategoryRows, options.Chooser, options.CategoryChooser),
            weights,
            CategoryRecalibration.Fit(pooledPairs, options.MinCategoryRows, options.Chooser, options.CategoryChooser),
            scores);
    }

    // Row → fold, by the order in which each ticker first appears, so all rows of a market share a fold.
    private static (int[] Fold, int Markets) FoldsByTicker(IReadOnlyList<SettledMarketRow> history, int folds)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var fold = new int[history.Count];
        for (var i = 0; i < history.Count; i++)
        {
            if (!index.TryGetValue(history[i].Ticker, out var market))
            {
                market = index.Count;
                index.Add(history[i].Ticker, market);
            }

            fold[i] = market % folds;
        }

        return (fold, index.Count);
    }

    // Each row's forecast from a recalibration fitted on the other folds.
    private static Probability[] OutOfFold(IReadOnlyList<(string Category, ForecastOutcome Pair)> pairs, int[] fold, ForecastLearnerOptions options)
    {
        var result = new Probability[pairs.Count];
        for (var f = 0; f < options.Folds; f++)
        {
            var training = new List<(string Category, ForecastOutcome Pair)>(pairs.Count);
            var held = new List<int>();
            for (var i = 0; i < pairs.Count; i++)
            {
                if (fold[i] == f)
                {
                    held.Add(i);
                }
                else
                {
                    training.Add(pairs[i]);
                }
            }

            if (held.Count == 0)
            {
                continue;
            }

            var fitted = CategoryRecalibration.Fit(training, options.MinCategoryRows, options.Chooser, options.CategoryChooser);
            foreach (var i in held)
            {
                result[i] = fitted.Apply(pairs[i].Category, pairs[i].Pair.Forecast);
            }
        }

        return result;
    }

    private static List<(string Category, ForecastOutcome Pair)> Pairs(string[] categories, Probability[] forecasts, IReadOnlyList<SettledMarketRow> history) =>
        Enumerable.Range(0, history.Count).Select(i => (categories[i], new ForecastOutcome(forecasts[i], history[i].YesWon))).ToList();

    private static ForecastOutcome[] Outcomes(Probability[] forecasts, IReadOnlyList<SettledMarketRow> history) =>
        Enumerable.Range(0, history.Count).Select(i => new ForecastOutcome(forecasts[i], history[i].YesWon)).ToArray();
}
