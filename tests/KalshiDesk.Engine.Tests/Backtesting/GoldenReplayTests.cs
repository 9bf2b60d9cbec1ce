using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Sandbox.History;

namespace KalshiDesk.Engine.Tests.Backtesting;

/// <summary>
/// The golden replay: the Sandbox's world of seed 42 (400 markets at a time, 14 days from 2026-01-05, observed hourly;
/// <c>kalshidesk sandbox --record FILE --seed 42 --markets 400 --days 14</c> writes the same history) replays to exactly
/// these trades and this P&amp;L under each preset. A
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
    [InlineData("conservative", 34712, 23, "-98.06")]
    [InlineData("balanced", 34712, 43, "-7.69")]
    [InlineData("aggressive", 34712, 41, "-278.55")]
    public async Task SeededSandboxHistory_ReplaysToExactTradesAndPnl(string preset, int updates, int trades, string pnl)
    {
        var result = await Backtester.RunAsync(History.Value, new BacktestOptions { Preset = RiskPresets.Get(preset) });

        Assert.Equal((updates, trades, decimal.Parse(pnl, System.Globalization.CultureInfo.InvariantCulture)), ((int)result.Updates, result.Trades.Count, result.Pnl));
    }
}
