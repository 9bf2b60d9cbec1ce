using System.Globalization;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

public sealed class ForecastBatchTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-forecast-");

    public void Dispose() => _directory.Delete(true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Write(string name, params string[] lines)
    {
        var path = PathOf(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string WriteHistory(IEnumerable<SettledMarketRow> rows) =>
        Write("settled.csv", [
            "ticker,category,price,outcome,close_time",
            .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Ticker},{r.Category},{r.Price},{(r.YesWon ? "yes" : "no")},{r.CloseTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")),
        ]);

    [Fact]
    public void Run_ShortHistory_WritesEveryOpenMarketInOrderAndSaysWhatItLearned()
    {
        var history = Write("settled.csv", "ticker,category,price,outcome", "KXA-1,Weather,0.30,no", "KXA-2,Weather,0.70,yes", "KXA-3,Sports,0.55,yes");
        var open = Write("open.csv", "category,ticker,price", "Weather,KXB-2,0.80", "Sports,KXB-1,0.05");
        var forecasts = PathOf("forecasts.csv");
        using var output = new StringWriter();

        ForecastBatch.Run(new ForecastRequest(history, open, forecasts), output);

        var lines = File.ReadAllLines(forecasts);
        Assert.Equal("ticker,price,probability,market-implied,favourite-longshot,recalibrated", lines[0]);
        Assert.Equal(["KXB-2", "KXB-1"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["0.8", "0.05"], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Equal(["0.8000", "0.0500"], lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal(["0.8001", "0.0423"], lines.Skip(1).Select(l => l.Split(',')[4]));
        Assert.Equal(["0.8000", "0.0500"], lines.Skip(1).Select(l => l.Split(',')[5]));
        var summary = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"Read 3 settled rows (3 markets, 2 categories) from {history} and 2 open markets from {open}.", summary[0]);
        Assert.Contains("Recalibration of the price, all categories: identity: 3 settled forecasts, fewer than the 50 needed to recalibrate", summary);
        Assert.Contains("  2 categories under 200 rows use the global curve only: Sports, Weather", summary);
        Assert.Contains("Walk-forward: not run: 3 rows have neither close_time nor observed_at, so there is no order to split in.", summary);
        Assert.Equal(
            $"Wrote 2 forecasts to {forecasts} (ticker, price, probability, market-implied, favourite-longshot, recalibrated).",
            summary[^2]);
    }

    [Fact]
    public void Run_PlantedBias_PrintsOutOfSampleScoresTheChoiceTheWeightsAndTheWalkForward()
    {
        var history = WriteHistory(SyntheticHistory.Uniform(4_000, 7, p => p < 0.30 ? Math.Max(0d, p - 0.05) : p));
        var open = Write("open.csv", "ticker,category,price", "KXB-1,Sports,0.15");
        using var output = new StringWriter();

        ForecastBatch.Run(new ForecastRequest(history, open, PathOf("forecasts.csv")), output);

        var text = output.ToString();
        Assert.Contains("Scores on the history, out of sample (the price and the prior learn nothing from it; the learned estimates by 5-fold cross-validation, folds by ticker):", text, StringComparison.Ordinal);
        Assert.Contains("  estimate               Brier   log loss   skill vs price", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  market-implied\s+0\.\d{4}\s+0\.\d{4}\s+0\.0000\n", text);
        Assert.Matches(@"\n  recalibrated\s+0\.\d{4}\s+0\.\d{4}\s+0\.0\d{3}\n", text);
        Assert.Matches(@"\nRecalibration of the price, all categories: (isotonic|platt) .*: out-of-sample log loss 0\.\d{4} vs identity 0\.\d{4} over 4000 settled forecasts\n", text);
        Assert.Matches(@"\n  Sports \(1,000 rows\): after the global curve, ", text);
        Assert.Matches(@"\n  all categories: market-implied 0\.\d{3}, favourite-longshot 0\.\d{3}, recalibrated 0\.\d{3}\n", text);
        Assert.Matches(@"\nWalk-forward \(learned on the first 2,800 rows by close time, scored on the 1,200 from 2025-01-02 22:40Z\): Brier price 0\.\d{4}, recalibrated 0\.\d{4} \(skill 0\.\d{4}\), probability 0\.\d{4} \(skill 0\.\d{4}\)\.\n", text);
    }

    [Fact]
    public void Run_OutputIsTheInput_IsRefusedAndTheInputKept()
    {
        var history = Write("settled.csv", "ticker,category,price,outcome", "KXA-1,Weather,0.30,no");
        var open = Write("open.csv", "ticker,category,price", "KXB-1,Weather,0.30");

        var error = Assert.Throws<ForecastInputException>(() => ForecastBatch.Run(new ForecastRequest(history, open, open), TextWriter.Null));

        Assert.Equal($"{open}: is also the --input file; write the forecasts to another file", error.Message);
        Assert.Equal("ticker,category,price\nKXB-1,Weather,0.30\n", File.ReadAllText(open));
    }

    [Fact]
    public void Run_OutputFolderMissing_IsRefused()
    {
        var history = Write("settled.csv", "ticker,category,price,outcome", "KXA-1,Weather,0.30,no");
        var open = Write("open.csv", "ticker,category,price", "KXB-1,Weather,0.30");
        var output = Path.Combine(_directory.FullName, "missing", "forecasts.csv");

        var error = Assert.Throws<ForecastInputException>(() => ForecastBatch.Run(new ForecastRequest(history, open, output), TextWriter.Null));

        Assert.Equal($"{output}: the folder {Path.Combine(_directory.FullName, "missing")} does not exist", error.Message);
    }

    [Fact]
    public void Run_BadOpenRow_LeavesThePreviousForecastsAlone()
    {
        var history = Write("settled.csv", "ticker,category,price,outcome", "KXA-1,Weather,0.30,no");
        var open = Write("open.csv", "ticker,category,price", "KXB-1,Weather,0.30", "KXB-2,Weather,1.7");
        var forecasts = Write("forecasts.csv", "previous run");

        var error = Assert.Throws<ForecastInputException>(() => ForecastBatch.Run(new ForecastRequest(history, open, forecasts), TextWriter.Null));

        Assert.Equal($"{open} line 3, column price: \"1.7\" is not a price between 0 and 1", error.Message);
        Assert.Equal("previous run\n", File.ReadAllText(forecasts));
    }
}
