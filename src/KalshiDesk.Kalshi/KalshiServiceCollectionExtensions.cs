using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace KalshiDesk.Kalshi;

public static class KalshiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKalshiClient"/> against the configured environment. Each request passes, outermost
    /// first: retries (reads only), a per-attempt timeout, the shared token buckets, and the request signature.
    /// </summary>
    public static IServiceCollection AddKalshiClient(this IServiceCollection services)
    {
        services.AddOptions<KalshiOptions>().BindConfiguration(KalshiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KalshiRateLimiter>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KalshiOptions>>().Value;
            return new KalshiSignerHolder(KalshiKeys.Load(options));
        });
        services.AddTransient(sp => new KalshiSigningHandler(sp.GetRequiredService<KalshiSignerHolder>().Signer, sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<KalshiRateLimitHandler>();
        services.AddTransient<ResponseBufferingHandler>();
        var client = services.AddHttpClient<IKalshiClient, KalshiClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<KalshiOptions>>().Value;
                http.BaseAddress = options.ResolveBaseUrl();

                // The pipeline bounds each attempt (RequestTimeout) and their number (MaxReadRetries); no second, outer clock.
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
        client.AddResilienceHandler("kalshi", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<KalshiOptions>>().Value;
                pipeline.AddRetry(ReadRetry());
                pipeline.AddTimeout(options.RequestTimeout);
            });
        client.AddHttpMessageHandler<ResponseBufferingHandler>()
            .AddHttpMessageHandler<KalshiRateLimitHandler>().AddHttpMessageHandler<KalshiSigningHandler>();
        return services;
    }

    /// <summary>Reads retried after a 429 or a transient failure.</summary>
    public const int MaxReadRetries = 4;

    /// <summary>
    /// Reads back off exponentially with jitter from 250 ms (Kalshi sends no Retry-After on 429). Writes are never
    /// retried: an order whose outcome is unknown is settled by reconciliation, not by sending it again.
    /// </summary>
    public static HttpRetryStrategyOptions ReadRetry() => new()
    {
        MaxRetryAttempts = MaxReadRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(250),
        ShouldHandle = args => ValueTask.FromResult(
            args.Context.GetRequestMessage()?.Method == HttpMethod.Get && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
    };
}
