namespace KalshiDesk.Web.Api;

/// <summary>One bin of a reliability diagram: forecasts in [<see cref="Low"/>, <see cref="High"/>) and how often YES won.</summary>
/// <param name="Low">Lowest forecast in the bin's range (0–1).</param>
/// <param name="High">Top of the bin's range (0–1); the last bin includes 1.</param>
/// <param name="Count">Settled markets whose forecast fell in the bin.</param>
/// <param name="MeanForecast">Their mean forecast (0–1).</param>
/// <param name="ObservedFrequency">The share of them that settled YES (0–1).</param>
/// <param name="CiLow">Lower end of the Wilson 95% interval for <see cref="ObservedFrequency"/>.</param>
/// <param name="CiHigh">Upper end of the Wilson 95% interval for <see cref="ObservedFrequency"/>.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanForecast, double ObservedFrequency, double CiLow, double CiHigh);
