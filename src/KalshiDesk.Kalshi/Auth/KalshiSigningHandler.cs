using System.Globalization;

namespace KalshiDesk.Kalshi.Auth;

/// <summary>Adds Kalshi's KALSHI-ACCESS-KEY, -TIMESTAMP and -SIGNATURE headers to every request when a key is configured.</summary>
public sealed class KalshiSigningHandler(KalshiRequestSigner? signer, TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (signer is not null && request.RequestUri is { } uri)
        {
            // A retried request is the same message: each attempt is signed afresh, its old headers replaced, not added to.
            var ts = time.GetUtcNow().ToUnixTimeMilliseconds();
            request.Headers.Remove("KALSHI-ACCESS-KEY");
            request.Headers.Remove("KALSHI-ACCESS-TIMESTAMP");
            request.Headers.Remove("KALSHI-ACCESS-SIGNATURE");
            request.Headers.Add("KALSHI-ACCESS-KEY", signer.KeyId);
            request.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("KALSHI-ACCESS-SIGNATURE", signer.Sign(ts, request.Method.Method, uri.AbsolutePath));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
