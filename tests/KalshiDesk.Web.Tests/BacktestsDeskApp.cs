using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Web.Tests;

/// <summary>
/// The whole app with its own samples folder: <c>tiny.csv</c> (120 markets, 240 updates; a run takes a fraction of a
/// second) and <c>broken.csv</c> (a price of 1.7 on line 3).
/// </summary>
public sealed class BacktestsDeskApp : DeskApp, IAsyncLifetime
{
    public const string TinySample = "tiny.csv";
    public const string BrokenSample = "broken.csv";

    private readonly DirectoryInfo _samples = Directory.CreateTempSubdirectory("kalshidesk-samples-");

    public BacktestsDeskApp()
    {
        File.WriteAllText(Path.Combine(_samples.FullName, TinySample), SettledRecordingCsv.Write(120));
        File.WriteAllText(Path.Combine(_samples.FullName, BrokenSample), "ticker,category,price,outcome,close_time\nKXA-1,weather,0.30,yes,2026-09-02T00:00:00Z\nKXA-2,weather,1.7,no,2026-09-02T00:00:00Z\n");
    }

    protected override IEnumerable<string> Arguments => [$"--Backtests:SamplesPath={_samples.FullName}"];

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _samples.Delete(true);
    }
}
