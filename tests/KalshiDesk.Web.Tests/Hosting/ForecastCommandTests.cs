using System.Globalization;
using KalshiDesk.TestKit.Processes;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary><c>kalshidesk forecast</c> run as a user runs it: files in, forecasts out, one line and exit 2 for bad input.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-forecast-");

    public void Dispose() => _directory.Delete(true);

    private void Write(string name, params string[] lines) =>
        File.WriteAllText(Path.Combine(_directory.FullName, name), string.Join('\n', lines) + "\n");

    private async Task<DeskProcess> RunAsync(params string[] args)
    {
        var desk = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), ["forecast", .. args]);
        await desk.WaitForExitAsync(Timeout);
        return desk;
    }

    // 3,000 settled markets, a third of them cheap (5–29¢) and winning 5 points less often than priced, the rest fair.
    private void WriteHistory()
    {
        var random = new Random(42);
        var rows = new List<string> { "ticker,category,price,outcome,close_time,observed_at" };
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3_000; i++)
        {
            var cents = i % 3 == 0 ? random.Next(5, 30) : random.Next(30, 96);
            var truth = cents < 30 ? (cents - 5) / 100d : cents / 100d;
            var close = start.AddHours(i);
            rows.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"KXSET-{i:D4},{(i % 2 == 0 ? "Sports" : "\"Weather, US\"")},{cents / 100m:0.00},{(random.NextDouble() < truth ? "yes" : "no")},{close:yyyy-MM-dd'T'HH:mm:ss'Z'},{close.AddHours(-6):yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }

        Write("settled.csv", [.. rows]);
    }

    [Fact]
    public async Task Forecast_HistoryAndOpenMarkets_WritesEveryMarketWithTheBlendAndEachModel()
    {
        WriteHistory();
        Write("open.csv", "price,ticker,category,notes", "0.15,KXOPEN-1,Sports,\"cheap, should come down\"", "0.60,KXOPEN-2,\"Weather, US\",", "0.95,KXOPEN-3,Politics,new category");

        await using var desk = await RunAsync("--history", "settled.csv", "--input", "open.csv", "--output", "forecasts.csv");

        Assert.True(desk.ExitCode == 0, desk.Errors);
        Assert.Equal(string.Empty, desk.Errors);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory.FullName, "forecasts.csv"));
        Assert.Equal("ticker,price,probability,market-implied,favourite-longshot,recalibrated", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["KXOPEN-1", "KXOPEN-2", "KXOPEN-3"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        Assert.Equal(["0.15", "0.6", "0.95"], rows.Select(r => r[1]));
        Assert.Equal(["0.1500", "0.6000", "0.9500"], rows.Select(r => r[3]));
        Assert.Equal(["0.1404", "0.6034", "0.9578"], rows.Select(r => r[4]));
        var (probability, recalibrated) = (double.Parse(rows[0][2], CultureInfo.InvariantCulture), double.Parse(rows[0][5], CultureInfo.InvariantCulture));
        Assert.True(probability < 0.15 && recalibrated < 0.15, $"probability {probability}, recalibrated {recalibrated}: a cheap price learned to be too high should come down");
        var output = desk.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Read 3,000 settled rows (3,000 markets, 2 categories) from settled.csv and 3 open markets from open.csv.", output[0]);
        Assert.Contains(output, l => l.StartsWith("  recalibrated ", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("Recalibration of the price, all categories: ", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("  all categories: market-implied 0.", StringComparison.Ordinal));
        Assert.Contains(output, l => l.StartsWith("Walk-forward (learned on the first 2,100 rows by close time, scored on the 900 from 2025-05-27 12:00Z): Brier price 0.", StringComparison.Ordinal));
        Assert.Equal("Wrote 3 forecasts to forecasts.csv (ticker, price, probability, market-implied, favourite-longshot, recalibrated).", output[^2]);
    }

    [Theory]
    [InlineData("open.csv line 3, column price: \"1.7\" is not a price between 0 and 1", "ticker,category,price", "KXOPEN-1,Sports,0.15", "KXOPEN-2,Sports,1.7")]
    [InlineData("open.csv line 3, column ticker: \"KXOPEN-1\" is already on line 2; list each open market once", "ticker,category,price", "KXOPEN-1,Sports,0.15", "KXOPEN-1,Sports,0.16")]
    [InlineData("open.csv line 1: no \"price\" column; the header must name ticker, category, price and may add close_time, observed_at", "ticker,category", "KXOPEN-1,Sports")]
    public async Task Forecast_BadOpenFile_IsOneLineOnStderrAndExit2AndWritesNothing(string message, params string[] open)
    {
        WriteHistory();
        Write("open.csv", open);

        await using var desk = await RunAsync("--history", "settled.csv", "--input", "open.csv", "--output", "forecasts.csv");

        Assert.Equal(2, desk.ExitCode);
        Assert.Equal($"kalshidesk forecast: {message}", desk.Errors.Trim());
        Assert.Equal(string.Empty, desk.Output);
        Assert.False(File.Exists(Path.Combine(_directory.FullName, "forecasts.csv")));
    }

    [Fact]
    public async Task Forecast_EmptyHistory_IsOneLineAndExit2()
    {
        Write("settled.csv", "ticker,category,price,outcome");
        Write("open.csv", "ticker,category,price", "KXOPEN-1,Sports,0.15");

        await using var desk = await RunAsync("--history", "settled.csv", "--input", "open.csv", "--output", "forecasts.csv");

        Assert.Equal(2, desk.ExitCode);
        Assert.Equal("kalshidesk forecast: settled.csv: no settled markets after the header; the history needs at least one row", desk.Errors.Trim());
    }

    [Fact]
    public async Task Forecast_MissingHistoryFile_IsOneLineAndExit2()
    {
        Write("open.csv", "ticker,category,price", "KXOPEN-1,Sports,0.15");

        await using var desk = await RunAsync("--history", "settled.csv", "--input", "open.csv", "--output", "forecasts.csv");

        Assert.Equal(2, desk.ExitCode);
        Assert.Equal($"kalshidesk forecast: settled.csv: the file does not exist (looked for {Path.Combine(_directory.FullName, "settled.csv")})", desk.Errors.Trim());
    }

    [Theory]
    [InlineData("kalshidesk forecast: Option '--output' is required. Usage: kalshidesk forecast --history settled.csv --input open.csv --output forecasts.csv", "--history", "settled.csv", "--input", "open.csv")]
    [InlineData("kalshidesk forecast: Required argument missing for option: '--output'. Usage: kalshidesk forecast --history settled.csv --input open.csv --output forecasts.csv", "--history", "settled.csv", "--input", "open.csv", "--output")]
    [InlineData("kalshidesk forecast: unexpected argument '--seed'. Usage: kalshidesk forecast --history settled.csv --input open.csv --output forecasts.csv", "--history", "settled.csv", "--input", "open.csv", "--output", "f.csv", "--seed", "3")]
    public async Task Forecast_BadArguments_IsOneLineAndExit2(string message, params string[] args)
    {
        await using var desk = await RunAsync(args);

        Assert.Equal(2, desk.ExitCode);
        Assert.Equal(message, desk.Errors.Trim());
    }
}
