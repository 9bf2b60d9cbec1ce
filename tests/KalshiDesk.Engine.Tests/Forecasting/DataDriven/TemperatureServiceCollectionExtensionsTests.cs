using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Forecasting.DataDriven;
using KalshiDesk.TestKit.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Tests.Forecasting.DataDriven;

public sealed class TemperatureServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kalshidesk-temperature-").FullName;

    [Fact]
    public void AddTemperatureForecaster_NoFile_RegistersNoForecaster()
    {
        using var provider = Services(new()).BuildServiceProvider();

        Assert.Empty(provider.GetServices<IForecaster>());
    }

    [Fact]
    public void AddTemperatureForecaster_FileAndTickerStrikes_ForecastsFromConfiguration()
    {
        var path = Path.Combine(_directory, "forecasts.csv");
        File.WriteAllText(path, "station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\n");
        using var provider = Services(new()
        {
            ["Forecasting:Temperature:File"] = path,
            ["Forecasting:Temperature:Stations:KXHIGHNY"] = "KNYC",
            ["Forecasting:Temperature:TickerStrikes"] = "true",
        }).BuildServiceProvider();

        var model = Assert.Single(provider.GetServices<IForecaster>());
        var forecast = model.Forecast(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T52").Build(), MarketBuilder.Now)!;

        Assert.Equal("temperature", model.Name);
        Assert.Equal(0.2524925375469229, forecast.ProbabilityYes.Value, 1e-14);
    }

    [Fact]
    public void AddTemperatureForecaster_WithoutTickerStrikes_StandsAsideUntilAStrikeSourceIsRegistered()
    {
        var path = Path.Combine(_directory, "forecasts.csv");
        File.WriteAllText(path, "station,date,forecast_high_f,sd_f\nKNYC,2026-11-24,50,3\n");
        using var provider = Services(new() { ["Forecasting:Temperature:File"] = path, ["Forecasting:Temperature:Stations:KXHIGHNY"] = "KNYC" }).BuildServiceProvider();

        Assert.Null(Assert.Single(provider.GetServices<IForecaster>()).Forecast(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T52").Build(), MarketBuilder.Now));
    }

    [Fact]
    public void AddTemperatureForecaster_FileWithoutStations_FailsWithTheKey()
    {
        using var provider = Services(new() { ["Forecasting:Temperature:File"] = "forecasts.csv" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TemperatureForecasterOptions>>().Value);

        Assert.Equal("Forecasting:Temperature:Stations must map at least one series to a station when Forecasting:Temperature:File is set, e.g. \"KXHIGHNY\": \"KNYC\".", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTemperatureForecaster(configuration);
        return services;
    }
}
