using System.Collections.Concurrent;
using System.Net;
using KalshiDesk.Kalshi.RateLimiting;

namespace KalshiDesk.Benchmarks.Cycles;

/// <summary>
/// Counts what the desk's client sends, innermost in its handler chain (after retries, token buckets and signing, so a
/// retried request counts each time it goes out): requests by endpoint template, and the answers that were 429.
/// </summary>
internal sealed class RequestCounter : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);
    private int _limited;

    /// <summary>Requests sent since the last <see cref="Take"/>, by "GET /markets"-style template; and the 429 answers among them.</summary>
    public (Dictionary<string, int> Sent, int RateLimited) Take()
    {
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _sent.Keys)
        {
            if (_sent.TryRemove(key, out var n))
            {
                sent[key] = n;
            }
        }

        return (sent, Interlocked.Exchange(ref _limited, 0));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method.Method} {KalshiRateLimits.Template(request.RequestUri?.AbsolutePath ?? "/")}";
        _sent.AddOrUpdate(key, 1, (_, n) => n + 1);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _limited);
        }

        return response;
    }
}
