using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.RateLimiting;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// With an API key, reads the account's tier and endpoint costs once the app has started and resizes the shared
/// token buckets; until then (and without a key, or if the read fails) the Basic tier's defaults apply.
/// </summary>
internal sealed partial class RateLimitSync(
    IServiceProvider services,
    KalshiSignerHolder keys,
    KalshiRateLimiter limiter,
    IHostApplicationLifetime lifetime,
    ILogger<RateLimitSync> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Signer is not null)
        {
            lifetime.ApplicationStarted.Register(() => _ = SyncAsync(lifetime.ApplicationStopping));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SyncAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            if (scope.ServiceProvider.GetRequiredService<IKalshiClient>() is not KalshiClient client)
            {
                return;
            }

            var limits = KalshiRateLimits.From(await client.GetAccountLimitsAsync(ct).ConfigureAwait(false), await client.GetEndpointCostsAsync(ct).ConfigureAwait(false));
            limiter.Update(limits);
            LogSynced(logger, limits.Tier, limits.ReadRefillPerSecond, limits.WriteRefillPerSecond);
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limits: {Tier} tier, {Read} read and {Write} write tokens a second")]
    private static partial void LogSynced(ILogger logger, string tier, int read, int write);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the account's rate limits; the Basic tier's defaults stay in force")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
