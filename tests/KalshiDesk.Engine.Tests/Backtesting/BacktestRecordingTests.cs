using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestRecordingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kalshidesk-recording-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_Folder_ReadsKalshiJson()
    {
        var data = BacktestRecording.Load(KalshiJsonRecordingTests.SampleFolder());

        Assert.Equal(4, data.Markets.Count);
        Assert.Equal(16, data.Updates);
    }

    [Fact]
    public void Load_OneJsonFile_ReadsThatResponse()
    {
        var file = Path.Combine(_dir, "market.json");
        File.WriteAllText(file, """
            {"markets":[{"ticker":"A-1-X","event_ticker":"A-1","close_time":"2026-11-21T00:00:00Z","result":"no"}],"cursor":""}
            """);

        // A markets response alone has no price path: the file is read, and its market left out for want of one.
        var message = Assert.Throws<ForecastInputException>(() => BacktestRecording.Load(file)).Message;

        Assert.Equal($"{file}: no market to replay: all 1 were left out (A-1-X: no candle or trade)", message);
    }

    [Fact]
    public void Load_CsvFile_ReadsTheSettledMarketsCsv()
    {
        var file = Path.Combine(_dir, "settled.csv");
        File.WriteAllText(file, "ticker,category,price,outcome,close_time\nKXA-26NOV20-T1,Weather,0.40,yes,2026-11-20T12:00:00Z\n");

        var data = BacktestRecording.Load(file);

        var market = Assert.Single(data.Markets);
        Assert.Equal(("KXA-26NOV20-T1", true, 0.40m), (market.Ticker, market.YesWon, market.Observations[0].YesAsk.Dollars));
    }

    [Fact]
    public void Load_OtherFile_IsRefused()
    {
        var file = Path.Combine(_dir, "recording.parquet");
        File.WriteAllText(file, "x");

        var message = Assert.Throws<ForecastInputException>(() => BacktestRecording.Load(file)).Message;

        Assert.Equal($"{file}: not a recording; give a folder of saved Kalshi JSON responses, one .json response, or a settled-markets .csv", message);
    }

    [Fact]
    public void Load_MissingPath_IsRefused()
    {
        var path = Path.Combine(_dir, "nothing-here");

        var message = Assert.Throws<ForecastInputException>(() => BacktestRecording.Load(path)).Message;

        Assert.Equal($"{path}: no such file or folder", message);
    }
}
