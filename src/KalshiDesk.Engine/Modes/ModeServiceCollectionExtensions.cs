using KalshiDesk.Data;
using KalshiDesk.Engine.Brokers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KalshiDesk.Engine.Modes;

public static class ModeServiceCollectionExtensions
{
    /// <summary>
    /// The desk's mode (stored, cached for display), the book in force, its audited switch, the in-process doctor, and the
    /// broker routed by mode. The host registers the databases; a host that registers only one <see cref="DeskDatabase"/>
    /// gets both books and the control data in it.
    /// </summary>
    public static IServiceCollection AddDeskModes(this IServiceCollection services)
    {
        services.TryAddSingleton<DeskControlDb>();
        services.TryAddSingleton(sp => new DeskDatabases(sp.GetRequiredService<DeskDatabase>(), sp.GetRequiredService<DeskDatabase>()));
        services.AddSingleton<DeskModeStore>();
        services.AddSingleton<DeskBooks>();
        services.TryAddTransient<IDeskReadiness, DeskReadiness>();
        services.AddTransient<DeskModeService>();
        services.AddTransient<PaperBroker>();
        services.AddTransient<LiveBroker>();
        services.AddTransient<IBroker, ModeRoutedBroker>();
        return services;
    }
}
