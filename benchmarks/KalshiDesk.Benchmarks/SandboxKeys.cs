using System.Globalization;
using System.Net.WebSockets;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Benchmarks;

/// <summary>
/// Signing with the Sandbox's demo API key (<see cref="SandboxServer.DemoKey"/>): <c>/portfolio</c> requests and the
/// WebSocket upgrade need Kalshi's KALSHI-ACCESS-* headers (RSA-PSS over timestamp + method + path).
/// </summary>
internal static class SandboxKeys
{
    /// <summary>A signer for the Sandbox's demo key (<see cref="SandboxServer.DemoKey"/>).</summary>
    public static KalshiRequestSigner SignerFor(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return KalshiRequestSigner.FromPem(server.DemoKey.KeyId, server.DemoKey.PrivateKeyPem, "SandboxServer.DemoKey");
    }

    /// <summary>The <c>Kalshi:*</c> settings that make the desk's client sign with the demo key, as the app does against its Sandbox.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ClientSettings(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        yield return new("Kalshi:KeyId", server.DemoKey.KeyId);
        yield return new("Kalshi:PrivateKey", server.DemoKey.PrivateKeyPem);
    }

    /// <summary>Adds KALSHI-ACCESS-KEY, -TIMESTAMP and -SIGNATURE for <paramref name="method"/> <paramref name="path"/> (no query).</summary>
    public static void Sign(KalshiRequestSigner signer, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException("sign an absolute URI: the signature covers the whole path, /trade-api/v2 included", nameof(request));

        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        request.Headers.Add("KALSHI-ACCESS-KEY", signer.KeyId);
        request.Headers.Add("KALSHI-ACCESS-TIMESTAMP", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("KALSHI-ACCESS-SIGNATURE", signer.Sign(ts, request.Method.Method, uri.AbsolutePath));
    }

    /// <summary>Signs a WebSocket upgrade: GET of the stream's path, as Kalshi's docs and the desk's KalshiWebSocketClient do.</summary>
    public static void Sign(KalshiRequestSigner signer, ClientWebSocket socket, Uri url)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(url);

        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        socket.Options.SetRequestHeader("KALSHI-ACCESS-KEY", signer.KeyId);
        socket.Options.SetRequestHeader("KALSHI-ACCESS-TIMESTAMP", ts.ToString(CultureInfo.InvariantCulture));
        socket.Options.SetRequestHeader("KALSHI-ACCESS-SIGNATURE", signer.Sign(ts, "GET", url.AbsolutePath));
    }
}
