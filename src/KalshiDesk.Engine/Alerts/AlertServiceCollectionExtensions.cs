using System.Net;
using KalshiDesk.Data;
using KalshiDesk.Engine.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace KalshiDesk.Engine.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>The named HttpClient alerts go through.</summary>
    public const string HttpClientName = "alerts";

    /// <summary>How long one attempt may take before it is given up and retried.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Alerts to Discord and the generic webhook (<c>Alerts</c> section, validated at start): the sender as a hosted
    /// service fed by the desk's events, the daily summary, and the <c>alerts</c> HttpClient. Needs the Engine's events
    /// and database.
    /// </summary>
    public static IServiceCollection AddDeskAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AlertSecrets>();
        services.AddSingleton<AlertComposer>();
        services.AddSingleton(sp => new AlertDelivery(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<AlertSecrets>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlertDelivery>>()));
        services.AddSingleton(sp => new AlertSender(
            sp.GetRequiredService<IOptions<AlertOptions>>(),
            sp.GetRequiredService<AlertComposer>(),
            sp.GetRequiredService<AlertDelivery>(),
            sp.GetRequiredService<IDeskEvents>(),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DeskDbContext>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlertSender>>()));
        services.AddSingleton<IAlertSender>(sp => sp.GetRequiredService<AlertSender>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertSender>());
        services.AddTransient<DailySummary>();

        // The URL carries the webhook's token: the factory's request logging (which writes every URL) is removed.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(ConfigureResilience)
            .SelectPipelineByAuthority();
        return services;
    }

    /// <summary>
    /// Retries 5xx answers, timeouts and dropped connections (3 times, 2 s backoff doubling, with jitter); never a 4xx:
    /// a 429 is waited out by <see cref="AlertDelivery"/> as long as the destination asks, any other 4xx is final. One
    /// pipeline per host, so a failing Discord never opens the webhook's circuit.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.Delay = TimeSpan.FromSeconds(2);
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = false;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome));
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome));
        options.AttemptTimeout.Timeout = AttemptTimeout;
        options.CircuitBreaker.SamplingDuration = AttemptTimeout * 3;
        options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2);
    }

    private static bool Transient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode >= HttpStatusCode.InternalServerError,
        { Exception: { } } => HttpClientResiliencePredicates.IsTransient(outcome),
        _ => false,
    };
}
