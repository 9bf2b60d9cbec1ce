using System.Text.Json;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Portfolio;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestReportTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "settled-sample.csv");

    private static async Task<BacktestResult> ReplayAsync(string csv, string name) =>
        await Backtester.RunAsync(SettledCsvRecording.Parse(csv, name), new BacktestOptions());

    [Fact]
    public async Task Render_CategoryWithMarkup_IsEncodedInTablesAndChartData()
    {
        var csv = (await File.ReadAllTextAsync(Sample)).Replace(",Weather,", $",{Hostile},", StringComparison.Ordinal);
        var result = await ReplayAsync(csv, "hostile<b>.csv");
        Assert.Contains(result.Trades, t => t.Category == Hostile);

        var html = BacktestReport.Render(result);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hostile<b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("hostile&lt;b&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("\"names\":[\"\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\",\"Economics\",\"Financials\",\"Politics\",\"Sports\"]", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<script", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void Render_TickerWithMarkup_IsEncodedInTheTradesTable()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var trade = new BacktestTrade(at, "KX-<img src=x onerror=alert(1)>", "Weather & \"Climate\"", "yes", 10m, 0.40m, 4m, 0.17m, 0.55, 0.1, at.AddDays(1), true, 5.83m);
        var result = new BacktestResult(
            "recording.csv", "balanced", at, at.AddDays(1), 2, 1, 1000m, 1005.83m, 0.00583m, 0.001m, 0.17m, [trade],
            [new EquityPoint(at, 1000m), new EquityPoint(at.AddDays(1), 1005.83m)],
            new BacktestScores(0, null, null), new BacktestScores(0, null, null),
            [new BacktestStage("scanned", 2), new BacktestStage("filled", 1)], new Dictionary<string, int> { ["no edge"] = 1 },
            [new BacktestCategory(trade.Category, 0, 1, 5.83m, 0.17m, null, null)], TimeSpan.FromSeconds(1));

        var html = BacktestReport.Render(result);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<td>KX-&lt;img src=x onerror=alert(1)&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Weather &amp; &quot;Climate&quot;</td>", html, StringComparison.Ordinal);
        Assert.Contains("+$5.83", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Sample_IsSelfContainedWithEveryChartAndItsData()
    {
        var result = await ReplayAsync(await File.ReadAllTextAsync(Sample), "settled-sample.csv");

        var html = BacktestReport.Render(result);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Chart.js v4.6.1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "equity", "drawdown", "funnel", "categories", "reliability" })
        {
            Assert.Contains($"<canvas id=\"chart-{chart}\">", html, StringComparison.Ordinal);
        }

        var start = html.IndexOf("<script id=\"backtest-data\" type=\"application/json\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        var json = html[(html.IndexOf('>', start) + 1)..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        using var data = JsonDocument.Parse(json);
        var root = data.RootElement;
        Assert.Equal(result.Equity.Count, root.GetProperty("equity").GetArrayLength());
        Assert.Equal(result.Equity[^1].Equity, root.GetProperty("equity")[result.Equity.Count - 1].GetProperty("y").GetDecimal());
        Assert.Equal(result.Equity.Count, root.GetProperty("drawdown").GetArrayLength());
        Assert.Equal(result.Funnel.Select(f => f.Count), root.GetProperty("funnel").GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()));
        Assert.Equal(result.Categories.Select(c => c.Pnl), root.GetProperty("categories").GetProperty("pnl").EnumerateArray().Select(c => c.GetDecimal()));
        Assert.Equal(result.Scored.Count, root.GetProperty("reliability").GetProperty("desk").EnumerateArray().Sum(b => b.GetProperty("n").GetInt32()));
        Assert.Equal(result.Scored.Count, root.GetProperty("reliability").GetProperty("market").EnumerateArray().Sum(b => b.GetProperty("n").GetInt32()));
        Assert.All(result.Trades, t => Assert.Contains($"<td>{t.Ticker}</td>", html, StringComparison.Ordinal));
    }
}
