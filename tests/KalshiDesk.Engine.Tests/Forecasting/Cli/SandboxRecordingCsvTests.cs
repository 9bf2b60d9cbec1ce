using System.Globalization;
using KalshiDesk.Engine.Forecasting.Cli;
using KalshiDesk.Sandbox.History;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

/// <summary>A Sandbox recording (<c>kalshidesk sandbox --record</c>) is a settled-markets file the forecast command reads as it is.</summary>
public sealed class SandboxRecordingCsvTests
{
    [Fact]
    public void ParseSettled_ASandboxRecording_ReadsEveryRowAndIgnoresTheExtraColumns()
    {
        var options = new SandboxHistoryOptions { Seed = 42, Markets = 24, Start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), Days = 3 };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var summary = SandboxHistory.Record(options, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var rows = MarketCsvReader.ParseSettled(new StringReader(writer.ToString()), "sandbox-seed42.csv");

        Assert.Equal(summary.Rows, rows.Count);
        Assert.Equal(summary.Markets, rows.Select(r => r.Ticker).Distinct().Count());
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            var row = rows[i];
            Assert.Equal(
                new SettledMarketRow(
                    cells[0],
                    cells[1],
                    decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                    cells[3] == "yes",
                    DateTimeOffset.Parse(cells[4], CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(cells[5], CultureInfo.InvariantCulture),
                    i + 2),
                row);
            Assert.True(row.ObservedAt < row.CloseTime, $"line {row.Line}: observed {row.ObservedAt:o}, closed {row.CloseTime:o}");
            Assert.InRange(row.Price, 0.01m, 0.99m);
        }
    }
}
