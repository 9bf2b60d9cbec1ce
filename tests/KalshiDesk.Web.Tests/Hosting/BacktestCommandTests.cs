using System.Text.Json;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Web.Hosting;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary><c>kalshidesk backtest</c> run in-process as the executable parses it: a recording in, summary, report and JSON out.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "settled-sample.csv");

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-backtest-");

    public void Dispose() => _directory.Delete(true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Write(string name, params string[] lines)
    {
        var path = PathOf(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await BacktestCommand.InvokeAsync(args, new BacktestConsole(output, errors, terminal));
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), errors.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("samples/backtest/settled-sample.csv", "1,609", 300)]
    [InlineData("samples/backtest/sandbox-seed42.csv", "1,597", 494)]
    [InlineData("samples/backtest/kalshi-json", "16", 4)]
    public async Task Backtest_EveryShippedSample_Replays(string sample, string updates, int markets)
    {
        var data = Path.Combine(AppContext.BaseDirectory, sample);
        var summary = PathOf("summary.json");

        var (exit, output, errors) = await RunAsync(false, "--data", data, "--summary", summary);

        Assert.True(exit == 0, errors);
        var expected = await Backtester.RunAsync(BacktestRecording.Load(data), new BacktestOptions());
        Assert.Equal(expected.Trades.Count, JsonDocument.Parse(await File.ReadAllTextAsync(summary)).RootElement.GetProperty("trades").GetInt32());
        Assert.Equal($"  updates    {updates}   markets {markets}   trades {expected.Trades.Count:#,##0}", output.Split('\n')[1]);
    }

    [Fact]
    public async Task Backtest_Sample_PrintsTheSummaryAndWritesJsonEqualToTheReplay()
    {
        var (summary, report) = (PathOf("summary.json"), PathOf("report.html"));

        var (exit, output, errors) = await RunAsync(false, "--data", Sample, "--summary", summary, "--report", report);

        Assert.True(exit == 0, errors);
        var expected = await Backtester.RunAsync(BacktestRecording.Load(Sample), new BacktestOptions());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(summary));
        var root = json.RootElement;
        Assert.Equal(expected.Trades.Count, root.GetProperty("trades").GetInt32());
        Assert.Equal(expected.RoiAfterFees, root.GetProperty("roiAfterFees").GetDecimal());
        Assert.Equal(expected.MaxDrawdown, root.GetProperty("maxDrawdown").GetDecimal());
        Assert.Equal(expected.Pnl, root.GetProperty("pnl").GetDecimal());
        Assert.Equal(expected.Fees, root.GetProperty("fees").GetDecimal());
        Assert.Equal(expected.Desk.Brier!.Value, root.GetProperty("brierDesk").GetDouble());
        Assert.Equal(expected.Market.Brier!.Value, root.GetProperty("brierMarket").GetDouble());
        Assert.Equal(expected.Desk.LogLoss!.Value, root.GetProperty("logLossDesk").GetDouble());
        Assert.Equal(expected.Market.LogLoss!.Value, root.GetProperty("logLossMarket").GetDouble());
        Assert.Equal(expected.Updates, root.GetProperty("updates").GetInt64());

        var lines = output.Split('\n');
        Assert.StartsWith($"Backtest of {Sample} under balanced: ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"  updates    1,609   markets 300   trades {expected.Trades.Count:#,##0}", lines[1]);
        Assert.StartsWith("  P&L        ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  Brier      desk 0.", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("  log loss   desk 0.", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("  funnel     scanned 1,609 → priced ", lines[5], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  Weather ", StringComparison.Ordinal));
        Assert.Equal($"Wrote the summary to {summary}.", lines[^3]);
        Assert.Equal($"Wrote the report to {report}.", lines[^2]);

        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<canvas id=\"chart-equity\">", html, StringComparison.Ordinal);
        Assert.Contains("\"funnel\":{\"stages\":[\"scanned\",\"priced\",\"edge\",\"sized\",\"risk-passed\",\"proposed\",\"filled\"]", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{expected.Trades[0].Ticker}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_StderrRedirected_PrintsAPlainProgressLineAtEachTenth()
    {
        var (exit, _, errors) = await RunAsync(false, "--data", Sample, "--preset", "aggressive", "--cash", "2500");

        Assert.Equal(0, exit);
        var lines = errors.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain('\r', errors);
        Assert.All(lines, l => Assert.Matches(@"^backtest: +\d+%  [\d,]+/1,609 updates  \d+ trades  (ETA \d+:\d\d|done in \d+:\d\d)$", l));
        Assert.StartsWith("backtest: 100%  1,609/1,609 updates  ", lines[^1], StringComparison.Ordinal);
        Assert.Equal(lines.Length, lines.Distinct().Count());
    }

    [Fact]
    public async Task Backtest_StderrIsATerminal_RedrawsOneBarInPlaceAndEndsTheLine()
    {
        var (exit, output, errors) = await RunAsync(true, "--data", Sample, "--from", "2025-02-01", "--to", "2025-04-15T12:00:00Z");

        Assert.Equal(0, exit);
        Assert.StartsWith("\r[", errors, StringComparison.Ordinal);
        Assert.EndsWith("\n", errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\r[████████████████████]  100%  ", errors, StringComparison.Ordinal);
        Assert.StartsWith($"Backtest of {Sample} under balanced: 2025-02-01 ", output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--preset", "wild"], "--preset: \"wild\" is not a preset; use conservative, balanced or aggressive" },
        { ["--from", "yesterday"], "--from: \"yesterday\" is not an ISO 8601 date or time (e.g. 2025-03-01 or 2025-03-01T14:30:00Z)" },
        { ["--to", "2025-13-01"], "--to: \"2025-13-01\" is not an ISO 8601 date or time (e.g. 2025-03-01 or 2025-03-01T14:30:00Z)" },
        { ["--from", "2025-05-01", "--to", "2025-04-01T06:00:00Z"], "--from 2025-05-01T00:00:00Z is after --to 2025-04-01T06:00:00Z" },
        { ["--cash", "lots"], "--cash: \"lots\" is not an amount of dollars above 0 (e.g. 1000 or 2500.50)" },
        { ["--cash", "0"], "--cash: \"0\" is not an amount of dollars above 0 (e.g. 1000 or 2500.50)" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Backtest_BadOption_IsOneLineNamingItExit2AndWritesNothing(string[] args, string message)
    {
        var (exit, output, errors) = await RunAsync(false, ["--data", Sample, "--summary", PathOf("summary.json"), "--report", PathOf("report.html"), .. args]);

        Assert.Equal(2, exit);
        Assert.Equal($"kalshidesk backtest: {message}\n", errors);
        Assert.Equal(string.Empty, output);
        Assert.Empty(_directory.GetFileSystemInfos());
    }

    [Theory]
    [InlineData("line 3, column price: \"1.7\" is not a price between 0 and 1", "ticker,category,price,outcome,close_time", "KXA-1,Weather,0.40,yes,2025-03-01T00:00:00Z", "KXA-2,Weather,1.7,no,2025-03-01T00:00:00Z")]
    [InlineData("line 2, column ticker: \"<script>\" is not a ticker (letters, digits, '-', '.' and '_')", "ticker,category,price,outcome,close_time", "<script>,Weather,0.40,yes,2025-03-01T00:00:00Z")]
    [InlineData("line 2, column close_time: \"soon\" is not an ISO 8601 time (e.g. 2025-01-10T23:00:00Z)", "ticker,category,price,outcome,close_time", "KXA-1,Weather,0.40,yes,soon")]
    [InlineData("line 2, column yes_bid: \"0.45\" is above yes_ask 0.41; a bid cannot cross the ask", "ticker,category,price,outcome,close_time,yes_bid,yes_ask", "KXA-1,Weather,0.40,yes,2025-03-01T00:00:00Z,0.45,0.41")]
    public async Task Backtest_MalformedCsv_NamesFileLineAndColumnExit2AndWritesNothing(string problem, params string[] lines)
    {
        var data = Write("recording.csv", lines);
        var summary = PathOf("summary.json");

        var (exit, output, errors) = await RunAsync(false, "--data", data, "--summary", summary, "--report", PathOf("report.html"));

        Assert.Equal(2, exit);
        Assert.Equal($"kalshidesk backtest: {data} {problem}\n", errors);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["recording.csv"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task Backtest_MissingFile_SaysSoExit2AndWritesNothing()
    {
        var data = PathOf("missing.csv");

        var (exit, _, errors) = await RunAsync(false, "--data", data, "--summary", PathOf("summary.json"));

        Assert.Equal(2, exit);
        Assert.Equal($"kalshidesk backtest: {data}: no such file or folder\n", errors);
        Assert.Empty(_directory.GetFileSystemInfos());
    }

    [Fact]
    public async Task Backtest_NotARecording_SaysWhatARecordingIsAndExits2()
    {
        var data = Write("recording.txt", "{}");

        var (exit, _, errors) = await RunAsync(false, "--data", data);

        Assert.Equal(2, exit);
        Assert.Equal($"kalshidesk backtest: {data}: not a recording; give a folder of saved Kalshi JSON responses, one .json response, or a settled-markets .csv\n", errors);
    }

    [Fact]
    public async Task Backtest_ReportInAMissingFolder_NamesTheOptionAndExits2()
    {
        var report = Path.Combine(_directory.FullName, "nowhere", "report.html");

        var (exit, _, errors) = await RunAsync(false, "--data", Sample, "--report", report);

        Assert.Equal(2, exit);
        Assert.Equal($"kalshidesk backtest: --report: the folder {Path.GetDirectoryName(report)} does not exist\n", errors);
        Assert.Empty(_directory.GetFileSystemInfos());
    }

    [Fact]
    public async Task Backtest_NoData_IsTheParseErrorWithUsageAndExit2()
    {
        var (exit, output, errors) = await RunAsync(false, "--preset", "balanced");

        Assert.Equal(2, exit);
        Assert.StartsWith("kalshidesk backtest: ", errors, StringComparison.Ordinal);
        Assert.Contains("--data", errors, StringComparison.Ordinal);
        Assert.EndsWith($"Usage: {BacktestCommand.Usage}\n", errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, output);
    }
}
