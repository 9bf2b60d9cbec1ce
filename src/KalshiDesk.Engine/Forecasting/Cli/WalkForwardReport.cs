namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>A walk-forward test: learned on the earlier settled markets, scored on the later ones.</summary>
/// <param name="LearnRows">Rows learned from (the earliest, by close time, else observation time).</param>
/// <param name="ScoreRows">Rows scored (the rest).</param>
/// <param name="ScoredFrom">The time of the first scored row.</param>
/// <param name="Scores">Price, prior, recalibrated price and blended probability on the scored rows, skill against the price.</param>
/// <param name="Deciles">The same by price decile, deciles with no scored row left out.</param>
/// <param name="Scored">Every scored row with its forecast, in time order.</param>
/// <param name="Learned">What was learned from the learning part.</param>
public sealed record WalkForwardReport(
    int LearnRows,
    int ScoreRows,
    DateTimeOffset ScoredFrom,
    IReadOnlyList<ModelScore> Scores,
    IReadOnlyList<DecileScore> Deciles,
    IReadOnlyList<ScoredForecast> Scored,
    LearnedForecaster Learned)
{
    /// <summary>The score of <paramref name="model"/> (a model name or <see cref="LearnedForecaster.Probability"/>).</summary>
    public ModelScore Score(string model) => Scores.Single(s => s.Model == model);
}
