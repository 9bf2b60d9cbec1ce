namespace KalshiDesk.Kalshi.RateLimiting;

/// <summary>Takes each request's tokens from the shared buckets before it leaves (every retry attempt pays again).</summary>
public sealed class KalshiRateLimitHandler(KalshiRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await limiter.AcquireAsync(request.Method, request.RequestUri?.AbsolutePath ?? "/", cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
