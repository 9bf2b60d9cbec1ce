using KalshiDesk.Domain.Forecasting;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// What <see cref="ForecastLearner"/> learned from settled history, ready to forecast open markets: the price's
/// recalibration, the ensemble weights, the calibration of the blend, and how each estimate scored out of sample.
/// </summary>
public sealed class LearnedForecaster
{
    /// <summary>The name the blended, calibrated estimate is scored under.</summary>
    public const string Probability = "probability";

    internal LearnedForecaster(
        int historyRows,
        int historyMarkets,
        int folds,
        CategoryRecalibration recalibration,
        EnsembleWeights weights,
        CategoryRecalibration blendCalibration,
        IReadOnlyList<ModelScore> scores)
    {
        HistoryRows = historyRows;
        HistoryMarkets = historyMarkets;
        Folds = folds;
        Recalibration = recalibration;
        Weights = weights;
        BlendCalibration = blendCalibration;
        Scores = scores;
    }

    /// <summary>Settled rows learned from.</summary>
    public int HistoryRows { get; }

    /// <summary>Distinct settled markets (tickers) among them.</summary>
    public int HistoryMarkets { get; }

    /// <summary>k of the cross-validation behind <see cref="Scores"/>.</summary>
    public int Folds { get; }

    /// <summary>The price → probability recalibration (the <see cref="OfflineModels.Recalibrated"/> model).</summary>
    public CategoryRecalibration Recalibration { get; }

    /// <summary>The log-odds pool's weights, global and per category, from each model's out-of-sample log score.</summary>
    public EnsembleWeights Weights { get; }

    /// <summary>The recalibration of the pooled estimate, learned on out-of-sample pooled forecasts.</summary>
    public CategoryRecalibration BlendCalibration { get; }

    /// <summary>Out-of-sample scores on the history: each model in <see cref="OfflineModels.All"/> order, then <see cref="Probability"/>.</summary>
    public IReadOnlyList<ModelScore> Scores { get; }

    /// <summary>Each model's probability, pooled in log-odds with the category's weights, then calibrated.</summary>
    public MarketForecast Forecast(OpenMarketRow market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var price = OfflineModels.MarketImpliedAt(market);
        ModelForecast[] models =
        [
            new(OfflineModels.MarketImplied, price),
            new(OfflineModels.FavouriteLongshot, OfflineModels.FavouriteLongshotAt(market)),
            new(OfflineModels.Recalibrated, Recalibration.Apply(market.Category, price)),
        ];
        var pooled = LogOddsPool.Pool(models, Weights, market.Category)!;
        return new MarketForecast(market.Ticker, market.Price, BlendCalibration.Apply(market.Category, pooled.ProbabilityYes), pooled.Disagreement, models);
    }
}
