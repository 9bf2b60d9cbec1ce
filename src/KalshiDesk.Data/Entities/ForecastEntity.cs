namespace KalshiDesk.Data.Entities;

/// <summary>
/// The desk's forecast of one market at one decision time: the market price it was up against, the pooled and the
/// calibrated probability, and each model's own forecast (<see cref="Models"/>). Written before the outcome is known;
/// the outcome is filled in once, when the market settles.
/// </summary>
public sealed class ForecastEntity
{
    public Guid Id { get; set; }

    /// <summary>The cycle that made the forecast.</summary>
    public Guid CycleId { get; set; }

    public required string Ticker { get; set; }
    public string EventTicker { get; set; } = string.Empty;
    public string Category { get; set; } = string.Empty;

    /// <summary>When the forecast was made: nothing it used is later than this.</summary>
    public DateTimeOffset DecisionTime { get; set; }

    /// <summary>The market's close time as known at the decision time.</summary>
    public DateTimeOffset CloseTime { get; set; }

    /// <summary>The market's YES price at the decision time (quote mid, else last trade): the baseline every score is set against.</summary>
    public double MarketProbabilityYes { get; set; }

    /// <summary>The weighted log-odds pool of the models, before recalibration.</summary>
    public double PooledProbabilityYes { get; set; }

    /// <summary>The desk's probability: the pool after recalibration.</summary>
    public double ProbabilityYes { get; set; }

    /// <summary>The recalibrator applied (identity, platt, isotonic, …).</summary>
    public string Recalibrator { get; set; } = string.Empty;

    /// <summary>Standard deviation of the models' logits.</summary>
    public double Disagreement { get; set; }

    /// <summary>Whether YES won; null until the market settles yes or no (and for ever for a scalar or void settlement).</summary>
    public bool? YesWon { get; set; }

    /// <summary>When the market settled, as the exchange reports it.</summary>
    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>When the desk read the outcome; null while the market is unsettled. Set with a null <see cref="YesWon"/> when it can never be scored.</summary>
    public DateTimeOffset? ScoredAt { get; set; }

    public List<ModelForecastEntity> Models { get; set; } = [];
}
