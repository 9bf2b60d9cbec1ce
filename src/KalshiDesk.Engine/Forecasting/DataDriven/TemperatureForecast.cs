namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>One row of the temperature forecast file: a station's expected daily high and its uncertainty.</summary>
/// <param name="Date">The local calendar day the high is measured on, as in the event ticker.</param>
/// <param name="HighF">Expected daily high, °F.</param>
/// <param name="SdF">Standard deviation of the forecast error, °F (greater than 0).</param>
/// <param name="IssuedAt">When the forecast was made, or null when the file does not say (then it counts as always known).</param>
/// <param name="Line">The row's line in the file, for messages.</param>
public sealed record TemperatureForecast(string Station, DateOnly Date, double HighF, double SdF, DateTimeOffset? IssuedAt, int Line);
