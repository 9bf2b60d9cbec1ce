using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>How the forecast command learns from settled history.</summary>
/// <param name="Folds">
/// k of the k-fold cross-validation that scores the learned models out of sample (default 5). Folds are by ticker, so
/// several rows of one market never sit on both sides of a split.
/// </param>
/// <param name="MinCategoryRows">Settled rows a category needs before it gets a recalibration of its own (default 200).</param>
/// <param name="Recalibration">
/// How the global curves (of the price, and of the pool) are chosen (default <see cref="DefaultRecalibration"/>: the
/// Domain's defaults with a margin of 0.0001 nats instead of 0.001).
/// </param>
/// <param name="CategoryCorrection">
/// How a category's own correction after the global curve is chosen (default <see cref="RecalibratorChooserOptions.Default"/>,
/// margin 0.001 nats): a second curve fitted on a fraction of the rows has to earn its place by more.
/// </param>
/// <param name="Ensemble">How out-of-sample scores become weights (default <see cref="EnsembleWeightingOptions.Default"/>).</param>
public sealed record ForecastLearnerOptions(
    int Folds = 5,
    int MinCategoryRows = 200,
    RecalibratorChooserOptions? Recalibration = null,
    RecalibratorChooserOptions? CategoryCorrection = null,
    EnsembleWeightingOptions? Ensemble = null)
{
    /// <summary>
    /// The chooser's defaults, but a recalibrator need only save 0.0001 nats per forecast out of sample (the Domain's
    /// default is 0.001). Kalshi's own favourite–longshot bias (about 1 point at most prices) is worth about 0.0004
    /// nats per forecast on a history priced like Kalshi's trades, so the 0.001 margin never lets a recalibration
    /// through however long the history. The 0.5-standard-error rule still keeps noise out of short histories, and on
    /// fair synthetic histories of 200,000 and 300,000 rows priced like Kalshi's trades the identity was kept
    /// (docs/calibration.md).
    /// </summary>
    public static RecalibratorChooserOptions DefaultRecalibration { get; } = RecalibratorChooserOptions.Default with { MinImprovement = 0.0001 };

    public static ForecastLearnerOptions Default { get; } = new();

    /// <summary>The global chooser options in force: <see cref="Recalibration"/>, else <see cref="DefaultRecalibration"/>.</summary>
    public RecalibratorChooserOptions Chooser => Recalibration ?? DefaultRecalibration;

    /// <summary>The category chooser options in force: <see cref="CategoryCorrection"/>, else the Domain's defaults.</summary>
    public RecalibratorChooserOptions CategoryChooser => CategoryCorrection ?? RecalibratorChooserOptions.Default;
}
