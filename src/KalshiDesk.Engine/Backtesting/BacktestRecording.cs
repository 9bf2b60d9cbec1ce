using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Reads a recording from a path, whatever its format: today the settled-markets CSV.</summary>
public static class BacktestRecording
{
    /// <summary>Reads <paramref name="path"/>; refuses a file or folder it cannot read, saying what it reads.</summary>
    public static BacktestData Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path) && string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return SettledCsvRecording.Load(path);
        }

        throw new ForecastInputException(Directory.Exists(path) || File.Exists(path)
            ? $"{path} is not a recording the desk reads: give a settled-markets CSV (ticker,category,price,outcome[,close_time,observed_at])."
            : $"{path} does not exist.");
    }
}
