using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting.DataDriven;
using KalshiDesk.Engine.Tests.Forecasting.Llm;
using KalshiDesk.TestKit.Builders;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public sealed class TemperatureForecasterTests : IDisposable
{
    private const string Header = "station,date,forecast_high_f,sd_f";

    private readonly string _directory = Directory.CreateTempSubdirectory("kalshidesk-temperature-").FullName;
    private readonly FakeTimeProvider _time = new(MarketBuilder.Now);
    private readonly ListLogger<TemperatureForecaster> _log = new();

    private string FilePath => Path.Combine(_directory, "forecasts.csv");

    [Fact]
    public void Forecast_Mean50Sd3Strike52_Is0_2525()
    {
        Write($"{Header}\nKNYC,2026-11-24,50,3\n");

        var forecast = Model().Forecast(Market("KXHIGHNY-26NOV24-T52"), MarketBuilder.Now)!;

        // 1 − Φ((52 − 50)/3) = 1 − Φ(0.6667) = 0.2525
        Assert.Equal("temperature", forecast.Model);
        Assert.Equal(0.2524925375469229, forecast.ProbabilityYes.Value, 1e-14);
        Assert.Equal(0.7, forecast.Confidence, 1e-12);
        Assert.Equal(MarketBuilder.Now, forecast.DecisionTime);
        Assert.Equal("KNYC", forecast.Inputs["station"]);
        Assert.Equal("2026-11-24", forecast.Inputs["date"]);
        Assert.Equal("50", forecast.Inputs["forecast_high_f"]);
        Assert.Equal("3", forecast.Inputs["sd_f"]);
        Assert.Equal("above 52", forecast.Inputs["strike"]);
        Assert.Equal("unknown", forecast.Inputs["issued_at"]);
        Assert.Equal("2", forecast.Inputs["line"]);
    }

    [Fact]
    public void Forecast_FarFromTheStrike_IsHeldOffCertainty()
    {
        Write($"{Header}\nKNYC,2026-11-24,50,1\n");

        Assert.Equal(0.01, Model().Forecast(Market("KXHIGHNY-26NOV24-T70"), MarketBuilder.Now)!.ProbabilityYes.Value);
        Assert.Equal(0.99, Model().Forecast(Market("KXHIGHNY-26NOV24-T30"), MarketBuilder.Now)!.ProbabilityYes.Value);
    }

    [Fact]
    public void Forecast_NoFile_IsNullAndSaysSo()
    {
        Assert.Null(Model().Forecast(Market("KXHIGHNY-26NOV24-T52"), MarketBuilder.Now));
        Assert.Contains($"Temperature forecast file {FilePath} does not exist", _log.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KXHIGHNY-26NOV25-T52")]
    [InlineData("KXHIGHCHI-26NOV24-T52")]
    [InlineData("KXHIGHLAX-26NOV24-T52")]
    [InlineData("KXHIGHNY-26NOV24-B52.5")]
    public void Forecast_NoRowOrStationOrStrike_IsNull(string ticker)
    {
        // KXHIGHCHI maps to KMDW, which the file lacks; KXHIGHLAX is not mapped; B52.5 has no strike the source reads.
        Write($"{Header}\nKNYC,2026-11-24,50,3\n");

        Assert.Null(Model().Forecast(Market(ticker), MarketBuilder.Now));
    }

    [Fact]
    public void Forecast_MalformedFile_IsNullAndLogsTheLine()
    {
        Write($"{Header}\nKNYC,2026-11-24,50,3\nKNYC,2026-11-25,50,three\n");

        Assert.Null(Model().Forecast(Market("KXHIGHNY-26NOV24-T52"), MarketBuilder.Now));
        Assert.Contains("forecasts.csv line 3, column sd_f: 'three' is not a number", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_FileChanged_IsReadAgainAtTheNextCheck()
    {
        Write($"{Header}\nKNYC,2026-11-24,50,3\n");
        var model = Model(TimeSpan.FromSeconds(5));
        var market = Market("KXHIGHNY-26NOV24-T52");
        Assert.Equal(0.2524925375469229, model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value, 1e-14);

        Write($"{Header}\nKNYC,2026-11-24,52.0,2\n", File.GetLastWriteTimeUtc(FilePath).AddSeconds(1));
        var beforeTheCheck = model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value;
        _time.Advance(TimeSpan.FromSeconds(5));
        var afterTheCheck = model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value;

        Assert.Equal(0.2524925375469229, beforeTheCheck, 1e-14);
        Assert.Equal(0.5, afterTheCheck);
    }

    [Fact]
    public void Forecast_MalformedThenFixed_Recovers()
    {
        Write($"{Header}\nKNYC,2026-11-24,50\n");
        var model = Model();
        var market = Market("KXHIGHNY-26NOV24-T52");
        Assert.Null(model.Forecast(market, MarketBuilder.Now));

        Write($"{Header}\nKNYC,2026-11-24,50,3\n", File.GetLastWriteTimeUtc(FilePath).AddSeconds(1));

        Assert.Equal(0.2524925375469229, model.Forecast(market, MarketBuilder.Now)!.ProbabilityYes.Value, 1e-14);
        Assert.Contains("forecasts.csv line 2: 3 fields, expected 4", _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_RowIssuedAfterTheDecisionTime_IsNotUsed()
    {
        Write($"{Header},issued_at\nKNYC,2026-11-24,50,3,2026-11-23T16:00:00Z\n");

        Assert.Null(Model().Forecast(Market("KXHIGHNY-26NOV24-T52"), MarketBuilder.Now));
        Assert.Equal("2026-11-23T16:00:00.0000000+00:00", Model().Forecast(Market("KXHIGHNY-26NOV24-T52"), MarketBuilder.Now.AddHours(1))!.Inputs["issued_at"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static MarketSnapshot Market(string ticker) => new MarketBuilder().Ticker(ticker).Build();

    private TemperatureForecaster Model(TimeSpan? checkInterval = null) => new(
        new TemperatureForecastStore(FilePath, checkInterval ?? TimeSpan.Zero, _time, _log),
        new TickerStrikeSource(),
        new Dictionary<string, string> { ["KXHIGHNY"] = "KNYC", ["KXHIGHCHI"] = "KMDW" });

    /// <summary>Writes the file and sets its time stamp, so a rewrite within the file system's clock tick still reads as a change.</summary>
    private void Write(string text, DateTime? writtenAt = null)
    {
        File.WriteAllText(FilePath, text);
        if (writtenAt is { } at)
        {
            File.SetLastWriteTimeUtc(FilePath, at);
        }
    }
}
