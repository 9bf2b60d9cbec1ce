namespace KalshiDesk.Engine.Backtesting;

/// <summary>A recording in the samples folder.</summary>
/// <param name="Name">Its path inside the samples folder, with '/' between folders (<c>settled-sample.csv</c>).</param>
/// <param name="Kind">file (a CSV) or folder (a recording of several files).</param>
/// <param name="Bytes">The file's size, or the folder's files together, in bytes.</param>
public sealed record BacktestSample(string Name, string Kind, long Bytes);
