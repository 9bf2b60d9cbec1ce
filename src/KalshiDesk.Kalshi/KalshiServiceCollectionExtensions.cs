using KalshiDesk.Kalshi.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Kalshi;

public static class KalshiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IKalshiClient"/> against the configured environment, signing requests when a key is set.</summary>
    public static IServiceCollection AddKalshiClient(this IServiceCollection services)
    {
        services.AddOptions<KalshiOptions>().BindConfiguration(KalshiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KalshiOptions>>().Value;
            return new KalshiSignerHolder(
                string.IsNullOrWhiteSpace(options.KeyId) || string.IsNullOrWhiteSpace(options.PrivateKeyPath)
                    ? null
                    : KalshiRequestSigner.FromPemFile(options.KeyId, options.PrivateKeyPath));
        });
        services.AddTransient(sp => new KalshiSigningHandler(sp.GetRequiredService<KalshiSignerHolder>().Signer, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<IKalshiClient, KalshiClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<KalshiOptions>>().Value;
                http.BaseAddress = options.ResolveBaseUrl();
                http.Timeout = options.RequestTimeout;
            })
            .AddHttpMessageHandler<KalshiSigningHandler>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
