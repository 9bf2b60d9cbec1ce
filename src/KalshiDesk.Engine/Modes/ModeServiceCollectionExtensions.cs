using KalshiDesk.Engine.Brokers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KalshiDesk.Engine.Modes;

public static class ModeServiceCollectionExtensions
{
    /// <summary>The desk's mode (stored, cached for display), its audited switch, the in-process doctor, and the broker routed by mode.</summary>
    public static IServiceCollection AddDeskModes(this IServiceCollection services)
    {
        services.AddSingleton<DeskModeStore>();
        services.TryAddTransient<IDeskReadiness, DeskReadiness>();
        services.AddTransient<DeskModeService>();
        services.AddTransient<PaperBroker>();
        services.AddTransient<LiveBroker>();
        services.AddTransient<IBroker, ModeRoutedBroker>();
        return services;
    }
}
