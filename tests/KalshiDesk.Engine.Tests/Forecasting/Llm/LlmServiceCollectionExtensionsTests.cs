using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Forecasting.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class LlmServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLlmForecaster_Disabled_RegistersNoForecaster()
    {
        using var provider = Services(new()).BuildServiceProvider();

        Assert.Empty(provider.GetServices<IForecaster>());
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.False(provider.GetRequiredService<IOptions<LlmForecasterOptions>>().Value.Enabled);
    }

    [Fact]
    public void AddLlmForecaster_EnabledForOllama_RegistersTheForecasterAndItsRefresher()
    {
        using var provider = Services(new()
        {
            ["Forecasting:Llm:Enabled"] = "true",
            ["Forecasting:Llm:Endpoint"] = "http://localhost:11434/v1",
            ["Forecasting:Llm:Model"] = "llama3.1:8b",
            ["Forecasting:Llm:DailySpendCapDollars"] = "2.50",
        }).BuildServiceProvider();

        var forecaster = Assert.Single(provider.GetServices<IForecaster>());
        Assert.Same(provider.GetRequiredService<LlmForecaster>(), forecaster);
        Assert.Equal(2.50m, provider.GetRequiredService<LlmForecaster>().Spend.CapDollars);
        Assert.IsType<LlmRefresher>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.NotNull(provider.GetRequiredKeyedService<IChatClient>(LlmForecaster.ModelName));
    }

    [Fact]
    public void AddLlmForecaster_EnabledWithoutModel_FailsWithTheKey()
    {
        using var provider = Services(new() { ["Forecasting:Llm:Enabled"] = "true", ["Forecasting:Llm:Endpoint"] = "http://localhost:11434/v1" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmForecasterOptions>>().Value);

        Assert.Contains("Forecasting:Llm:Model is required", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLlmForecaster(configuration);
        return services;
    }
}
