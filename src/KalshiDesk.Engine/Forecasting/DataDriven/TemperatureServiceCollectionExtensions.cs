using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

public static class TemperatureServiceCollectionExtensions
{
    /// <summary>
    /// The temperature forecaster, when <c>Forecasting:Temperature:File</c> is set. The strike comes from a registered
    /// <see cref="IMarketStrikeSource"/>, else from the ticker when <c>TickerStrikes</c> is true, else from nowhere
    /// (the model stands aside). The options are bound and validated at start either way.
    /// </summary>
    public static IServiceCollection AddTemperatureForecaster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TemperatureForecasterOptions.Section);
        services.AddOptions<TemperatureForecasterOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TemperatureForecasterOptions>, TemperatureForecasterOptionsValidator>());
        if (string.IsNullOrWhiteSpace(section[nameof(TemperatureForecasterOptions.File)]))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        if (section.GetValue<bool>(nameof(TemperatureForecasterOptions.TickerStrikes)))
        {
            services.TryAddSingleton<IMarketStrikeSource, TickerStrikeSource>();
        }
        else
        {
            services.TryAddSingleton<IMarketStrikeSource, NullMarketStrikeSource>();
        }

        services.AddSingleton<IForecaster>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TemperatureForecasterOptions>>().Value;
            var store = new TemperatureForecastStore(
                options.File!,
                options.ReloadCheckInterval,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<TemperatureForecaster>());
            return new TemperatureForecaster(store, sp.GetRequiredService<IMarketStrikeSource>(), options.Stations);
        });
        return services;
    }
}
