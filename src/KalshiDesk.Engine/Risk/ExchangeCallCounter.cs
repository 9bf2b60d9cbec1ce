using System.Net;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Counts every attempt the Kalshi client makes, retries included, into <see cref="ExchangeHealth"/>: a 5xx, a 429 or
/// no answer is an error; any other answer (a 404 for an unknown series, a 409 for a duplicate order) is the exchange
/// working as it should.
/// </summary>
public sealed class ExchangeCallCounter(ExchangeHealth health) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            health.Record(false);
            throw;
        }

        health.Record((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests);
        return response;
    }
}
