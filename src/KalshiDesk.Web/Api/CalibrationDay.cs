namespace KalshiDesk.Web.Api;

/// <summary>The desk's Brier score and its Murphy decomposition for the markets settled on one day (UTC), beside the market price's.</summary>
/// <param name="Day">The settlement day, UTC.</param>
/// <param name="Count">Markets settled that day.</param>
/// <param name="Brier">The desk's Brier score on them.</param>
/// <param name="Reliability">Murphy's reliability (lower is better).</param>
/// <param name="Resolution">Murphy's resolution (higher is better).</param>
/// <param name="Uncertainty">Murphy's uncertainty of that day's outcomes.</param>
/// <param name="MarketBrier">The market price's Brier score on the same markets.</param>
public sealed record CalibrationDay(DateOnly Day, int Count, double Brier, double Reliability, double Resolution, double Uncertainty, double MarketBrier);
