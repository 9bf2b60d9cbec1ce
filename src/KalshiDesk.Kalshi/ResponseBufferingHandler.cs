namespace KalshiDesk.Kalshi;

/// <summary>
/// Reads each response body in full inside the resilience pipeline, so a body cut off mid-way is a transient failure
/// that a read can retry, and a body that stalls is bounded by the per-attempt timeout like the headers are.
/// </summary>
public sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
