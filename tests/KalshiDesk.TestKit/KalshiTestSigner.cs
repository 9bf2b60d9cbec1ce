using System.Globalization;
using System.Net.WebSockets;
using KalshiDesk.Kalshi.Auth;

namespace KalshiDesk.TestKit;

/// <summary>
/// Signs test traffic with an API key exactly as the desk's client does (<see cref="KalshiRequestSigner"/>, <see cref="KalshiSigningHandler"/>),
/// on the clock given, which must be the exchange's: a Sandbox on a <c>FakeTimeProvider</c> checks timestamps against that clock.
/// </summary>
public sealed class KalshiTestSigner : IDisposable
{
    /// <summary>The path the WebSocket upgrade signs.</summary>
    public const string WebSocketPath = "/trade-api/ws/v2";

    private readonly TimeProvider _time;

    public KalshiTestSigner(string keyId, string privateKeyPem, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Signer = KalshiRequestSigner.FromPem(keyId, privateKeyPem);
        _time = time;
    }

    public KalshiRequestSigner Signer { get; }

    public string KeyId => Signer.KeyId;

    /// <summary>An HttpClient whose every request carries KALSHI-ACCESS-KEY, -TIMESTAMP and -SIGNATURE.</summary>
    public HttpClient CreateClient(Uri baseAddress) =>
        new(new KalshiSigningHandler(Signer, _time) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = baseAddress };

    /// <summary>The three headers for <paramref name="method"/> <paramref name="pathAndQuery"/>, signed now.</summary>
    public IReadOnlyDictionary<string, string> Headers(string method, string pathAndQuery)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KALSHI-ACCESS-KEY"] = Signer.KeyId,
            ["KALSHI-ACCESS-TIMESTAMP"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["KALSHI-ACCESS-SIGNATURE"] = Signer.Sign(timestamp, method, pathAndQuery),
        };
    }

    /// <summary>Signs a WebSocket upgrade (<c>GET /trade-api/ws/v2</c>), as the desk's WebSocket client does.</summary>
    public void SignWebSocket(ClientWebSocketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, value) in Headers("GET", WebSocketPath))
        {
            options.SetRequestHeader(name, value);
        }
    }

    public void Dispose() => Signer.Dispose();
}
