using Microsoft.Extensions.Configuration;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// Configuration section <c>Notifications</c>: where the desk's alerts go, the dashboard address their links point at, and
/// which alerts are sent. Both destinations are optional; with neither set, nothing is sent.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Notifications";

    /// <summary>Discord's webhook URL (https://discord.com/api/webhooks/ID/TOKEN); none by default. It holds a secret: never shown or logged.</summary>
    [ConfigurationKeyName("Discord:WebhookUrl")]
    public string? DiscordWebhookUrl { get; set; }

    /// <summary>Any http(s) URL that takes a JSON POST; none by default. Treated as a secret like the Discord URL.</summary>
    [ConfigurationKeyName("Webhook:Url")]
    public string? WebhookUrl { get; set; }

    /// <summary>The dashboard's base URL for links in alerts (https://desk.example.com/); without it, alerts carry no link.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>When the daily summary goes out, New York time. Default 17:00.</summary>
    public TimeOnly DailySummaryTime { get; set; } = new(17, 0);

    /// <summary>At most this many alerts to each destination in any minute; a burst waits its turn. Default 20 (Discord allows 30).</summary>
    public int MaxPerMinute { get; set; } = 20;

    /// <summary>A new proposal, with a link to it. On by default.</summary>
    public bool Proposals { get; set; } = true;

    /// <summary>An approved proposal filled. On by default.</summary>
    public bool Fills { get; set; } = true;

    /// <summary>The trading state changed: the breaker or the kill switch halted the desk, or it resumed. On by default.</summary>
    public bool Breaker { get; set; } = true;

    /// <summary>A desk-wide sit-out started or ended. On by default.</summary>
    public bool SitOut { get; set; } = true;

    /// <summary>The day's summary at <see cref="DailySummaryTime"/>. On by default.</summary>
    public bool DailySummary { get; set; } = true;

    /// <summary>Whether alerts of <paramref name="kind"/> are sent; a test alert always is.</summary>
    public bool IsOn(AlertKind kind) => kind switch
    {
        AlertKind.Proposal => Proposals,
        AlertKind.Fill => Fills,
        AlertKind.Breaker => Breaker,
        AlertKind.SitOut => SitOut,
        AlertKind.DailySummary => DailySummary,
        _ => true,
    };

    /// <summary>Whether any destination is configured.</summary>
    public bool HasDestination => IsSet(DiscordWebhookUrl) || IsSet(WebhookUrl);

    /// <summary>The dashboard's base URL with a trailing slash, or null when it is not set.</summary>
    public Uri? DashboardUrl =>
        IsSet(PublicUrl) && Uri.TryCreate(PublicUrl!.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var url) ? url : null;

    /// <summary>A setting left empty (appsettings.json ships the URLs as "") is not set.</summary>
    public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
