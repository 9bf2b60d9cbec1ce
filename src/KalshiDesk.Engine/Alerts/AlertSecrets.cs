using Microsoft.Extensions.Configuration;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// The configured secrets an alert, a failure reason or a log line must never carry: the webhook URLs (their paths hold
/// the token), the Kalshi key id and private key, the LLM API key, the admin password and API token. Every text that
/// leaves the desk in an alert, and every reason the dashboard or the log shows, passes <see cref="Scrub"/>.
/// </summary>
public sealed class AlertSecrets
{
    /// <summary>What stands in for a secret.</summary>
    public const string Mask = "…";

    /// <summary>Values shorter than this are not scrubbed: a short value would mangle ordinary words.</summary>
    private const int MinLength = 8;

    private static readonly string[] Keys =
    [
        "Notifications:Discord:WebhookUrl",
        "Notifications:Webhook:Url",
        "Kalshi:KeyId",
        "Kalshi:PrivateKey",
        "Forecasting:Llm:ApiKey",
        "KALSHIDESK_ADMIN_PASSWORD",
        "KALSHIDESK_API_TOKEN",
    ];

    private readonly string[] _secrets;

    public AlertSecrets(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (configuration[key]?.Trim() is { Length: >= MinLength } value)
            {
                Add(secrets, value);
            }
        }

        // Longest first, so a URL is masked whole before its token alone would be.
        _secrets = [.. secrets.OrderByDescending(s => s.Length)];
    }

    /// <summary><paramref name="text"/> with every configured secret replaced by "…".</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A URL as the dashboard and the log show it: its host and "…" (discord.com/…).</summary>
    public static string Host(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Host + "/" + Mask;
    }

    private static void Add(HashSet<string> secrets, string value)
    {
        secrets.Add(value);

        // A URL's path, query and user info carry its token, in full or in part (an encoded copy too).
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Host.Length > 0)
        {
            secrets.Add(url.AbsoluteUri);
            AddLong(secrets, url.PathAndQuery);
            AddLong(secrets, Uri.UnescapeDataString(url.PathAndQuery));
            AddLong(secrets, url.UserInfo);
            foreach (var part in url.AbsolutePath.Split('/').Concat(url.Query.TrimStart('?').Split('&', '=')))
            {
                AddLong(secrets, part);
                AddLong(secrets, Uri.UnescapeDataString(part));
            }

            return;
        }

        // A PEM key: its body lines, should one ever be quoted alone.
        foreach (var line in value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("-----", StringComparison.Ordinal))
            {
                AddLong(secrets, line);
            }
        }
    }

    private static void AddLong(HashSet<string> secrets, string part)
    {
        // Path segments such as "api" or "webhooks" are not secret; a token or a numeric id of 16+ characters is.
        if (part.Length >= 16)
        {
            secrets.Add(part);
        }
    }
}
