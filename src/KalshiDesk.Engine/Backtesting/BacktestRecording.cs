using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Opens a recording by what it is: a folder of Kalshi JSON responses, one such response, or a settled-markets CSV.</summary>
public static class BacktestRecording
{
    /// <summary>
    /// A folder → <see cref="KalshiJsonRecording.Load"/>; a <c>.json</c> file → <see cref="KalshiJsonRecording.LoadFile"/>; a
    /// <c>.csv</c> file → <see cref="SettledCsvRecording.Load"/>. Anything else is refused with what is accepted.
    /// </summary>
    public static BacktestData Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            return KalshiJsonRecording.Load(path);
        }

        if (!File.Exists(path))
        {
            throw new ForecastInputException($"{path}: no such file or folder");
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => SettledCsvRecording.Load(path),
            ".json" => KalshiJsonRecording.LoadFile(path),
            _ => throw new ForecastInputException($"{path}: not a recording; give a folder of saved Kalshi JSON responses, one .json response, or a settled-markets .csv"),
        };
    }
}
