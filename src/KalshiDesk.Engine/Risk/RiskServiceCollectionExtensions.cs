using KalshiDesk.Kalshi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KalshiDesk.Engine.Risk;

public static class RiskServiceCollectionExtensions
{
    /// <summary>
    /// The trading state and its circuit breaker, the kill switch, limit overrides, and the sit-outs' inputs: the
    /// exchange's health (every Kalshi request counted) and each market's terms.
    /// </summary>
    public static IServiceCollection AddDeskRisk(this IServiceCollection services)
    {
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExchangeHealth>();
        services.AddSingleton<MarketTermsWatch>();
        services.AddTransient<ExchangeCallCounter>();

        // The typed Kalshi client's HttpClient is named after its interface; the counter sits innermost, so it sees
        // each attempt the retry policy makes.
        services.AddHttpClient(nameof(IKalshiClient)).AddHttpMessageHandler<ExchangeCallCounter>();
        services.TryAddTransient<IExchangeRestingOrders>(sp => new KalshiRestingOrders(sp.GetRequiredService<IKalshiClient>()));
        services.AddTransient<RestingOrders>();
        services.AddTransient<RiskMonitor>();
        services.AddTransient<RiskSettings>();
        services.AddTransient<RiskReader>();
        services.AddTransient<KillSwitch>();
        return services;
    }
}
