using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Sandbox.History;

namespace KalshiDesk.Engine.Tests.Backtesting;

/// <summary>
/// The golden replay: the Sandbox's world of seed 42 (48 markets at a time, 7 days from 2026-01-05, observed hourly: the
/// history of samples/backtest/sandbox-seed42.csv) replays to exactly these trades and this P&amp;L under each preset. A
/// change to any model, the calibration, the edge, Kelly, the gate, the fees or the fills moves these numbers: when it is
/// meant to, the new figures are written here with the reason in the commit.
/// </summary>
public sealed class GoldenReplayTests
{
    private static readonly Lazy<BacktestData> History = new(() =>
    {
        using var writer = new StringWriter();
        SandboxHistory.Record(new SandboxHistoryOptions { Seed = 42, Markets = 400, Days = 14 }, writer);
        return SettledCsvRecording.Parse(writer.ToString(), "sandbox-seed42.csv");
    });

    [Theory]
    [InlineData("conservative", 0, 0, "0")]
    [InlineData("balanced", 0, 0, "0")]
    [InlineData("aggressive", 0, 0, "0")]
    public async Task SeededSandboxHistory_ReplaysToExactTradesAndPnl(string preset, int updates, int trades, string pnl)
    {
        var result = await Backtester.RunAsync(History.Value, new BacktestOptions { Preset = RiskPresets.Get(preset) });

        Assert.Fail(string.Join("; ", result.SkipReasons.Select(k => k.Key + "=" + k.Value)) + " funnel " + string.Join(",", result.Funnel.Select(f => f.Count)));
        Assert.Equal((updates, trades, decimal.Parse(pnl, System.Globalization.CultureInfo.InvariantCulture)), ((int)result.Updates, result.Trades.Count, result.Pnl));
    }
}
