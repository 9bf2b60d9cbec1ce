using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Kalshi;

/// <summary>Configuration section <c>Kalshi</c>.</summary>
public sealed class KalshiOptions
{
    public const string Section = "Kalshi";

    /// <summary>Sandbox (default), Demo or Production.</summary>
    public KalshiEnvironment Environment { get; set; } = KalshiEnvironment.Sandbox;

    /// <summary>REST base URL ending in <c>/trade-api/v2/</c>; overrides the environment's.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>WebSocket URL ending in <c>/trade-api/ws/v2</c>; overrides the environment's.</summary>
    public Uri? WebSocketUrl { get; set; }

    /// <summary>API key id (a UUID from Kalshi's account page).</summary>
    public string? KeyId { get; set; }

    /// <summary>Path of the PEM private key (PKCS#1 or PKCS#8).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The PEM private key itself, for deployments that pass secrets in the environment (<c>Kalshi__PrivateKey</c>).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Time allowed for one REST call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The REST base URL in force: the override, or the environment's recommended host.</summary>
    public Uri ResolveBaseUrl() => Normalize(BaseUrl ?? Environment switch
    {
        KalshiEnvironment.Production => new Uri("https://external-api.kalshi.com/trade-api/v2/"),
        KalshiEnvironment.Demo => new Uri("https://external-api.demo.kalshi.co/trade-api/v2/"),
        _ => throw new InvalidOperationException("Kalshi:BaseUrl is not set: the built-in Sandbox has not started."),
    });

    private static Uri Normalize(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
