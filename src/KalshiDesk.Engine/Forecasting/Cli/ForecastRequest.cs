namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>The forecast command's files, as the user named them.</summary>
/// <param name="HistoryPath">Settled markets to learn from (CSV).</param>
/// <param name="InputPath">Open markets to forecast (CSV).</param>
/// <param name="OutputPath">Where to write the forecasts (CSV); replaced if it exists.</param>
public sealed record ForecastRequest(string HistoryPath, string InputPath, string OutputPath);
