namespace KalshiDesk.Engine.Scoring;

/// <summary>A stored forecast of a market that has since settled yes or no: what scoring and learning read.</summary>
/// <param name="Market">The market's YES price at the decision time (the baseline).</param>
/// <param name="Pooled">The models' log-odds pool before recalibration.</param>
/// <param name="Desk">The desk's calibrated probability.</param>
/// <param name="Models">Each model's probability of YES.</param>
public sealed record RecordedForecast(
    string Ticker,
    string Category,
    DateTimeOffset DecisionTime,
    DateTimeOffset CloseTime,
    DateTimeOffset SettledAt,
    double Market,
    double Pooled,
    double Desk,
    bool YesWon,
    IReadOnlyDictionary<string, double> Models)
{
    /// <summary>How long before the close the forecast was made.</summary>
    public TimeSpan Horizon => CloseTime > DecisionTime ? CloseTime - DecisionTime : TimeSpan.Zero;
}
