using System.Globalization;
using System.Text;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// Writes forecasts as CSV: <c>ticker,price,probability</c> and one column per model (<see cref="OfflineModels.All"/>),
/// one row per open market in the order read. Probabilities have four decimals, Kalshi's price precision; prices are
/// the value read, without trailing zeros (0.80 is written 0.8).
/// </summary>
public static class ForecastCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } = ["ticker", "price", LearnedForecaster.Probability, .. OfflineModels.All];

    /// <summary>
    /// Writes to <paramref name="path"/> through a temporary file beside it, so a failure never leaves half a file where
    /// a previous run's forecasts were.
    /// </summary>
    public static void WriteFile(string path, IReadOnlyList<MarketForecast> forecasts)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                Write(writer, forecasts);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void Write(TextWriter writer, IReadOnlyList<MarketForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(forecasts);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', Columns.Select(Quoted)));
        foreach (var forecast in forecasts)
        {
            var cells = new List<string>(Columns.Count)
            {
                Quoted(forecast.Ticker),
                forecast.Price.ToString("0.############", CultureInfo.InvariantCulture),
                forecast.Probability.Value.ToString("0.0000", CultureInfo.InvariantCulture),
            };
            foreach (var model in OfflineModels.All)
            {
                var p = forecast.Models.Single(m => m.Model == model).ProbabilityYes.Value;
                cells.Add(p.ToString("0.0000", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(string.Join(',', cells));
        }
    }

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
