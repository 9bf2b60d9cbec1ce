namespace KalshiDesk.Engine.Scoring;

/// <summary>What one scoring pass did.</summary>
/// <param name="Checked">Closed markets with unscored forecasts that were looked up.</param>
/// <param name="Settled">Markets found settled yes or no, whose forecasts were scored.</param>
/// <param name="ForecastsScored">Stored forecasts scored.</param>
/// <param name="Unscorable">Markets given up on: a scalar settlement, or gone from the exchange long after the close.</param>
public sealed record ScoringRun(int Checked, int Settled, int ForecastsScored, int Unscorable);
