using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Reads a recording to replay, whatever its format: today the settled-markets CSV (<see cref="SettledCsvRecording"/>).</summary>
public static class BacktestRecording
{
    /// <summary>Reads <paramref name="path"/>; refuses what is not a recording with one line naming the file.</summary>
    public static BacktestData Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? SettledCsvRecording.Load(path)
            : throw new ForecastInputException($"{path}: not a recording; give a settled-markets .csv (ticker,category,price,outcome[,close_time,observed_at])");
    }
}
