using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// Refuses alert settings that cannot work, naming the key and the fix. A URL's value is never repeated in a message:
/// a webhook URL carries its secret token.
/// </summary>
public sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    /// <summary>The widest pace accepted: Discord itself allows 30 a minute to one webhook.</summary>
    public const int MaxPerMinuteLimit = 600;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (AlertOptions.IsSet(options.DiscordWebhookUrl) && DiscordProblem(options.DiscordWebhookUrl!) is { } discord)
        {
            failures.Add(discord);
        }

        if (AlertOptions.IsSet(options.WebhookUrl) && !IsHttp(options.WebhookUrl!))
        {
            failures.Add("Notifications:Webhook:Url must be an absolute http or https URL (e.g. https://hooks.example.com/kalshidesk).");
        }

        if (AlertOptions.IsSet(options.PublicUrl) && !IsHttp(options.PublicUrl!))
        {
            failures.Add("Notifications:PublicUrl must be the dashboard's absolute http or https address (e.g. https://desk.example.com/).");
        }

        if (options.MaxPerMinute is < 1 or > MaxPerMinuteLimit)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Notifications:MaxPerMinute must be between 1 and {MaxPerMinuteLimit}; it is {options.MaxPerMinute}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="host"/> is Discord's (discord.com, discordapp.com, or their canary/ptb subdomains).</summary>
    public static bool IsDiscordHost(string host) =>
        host.Equals("discord.com", StringComparison.OrdinalIgnoreCase) || host.Equals("discordapp.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".discord.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".discordapp.com", StringComparison.OrdinalIgnoreCase);

    private static string? DiscordProblem(string value)
    {
        const string Fix = "copy it from the Discord channel's Integrations → Webhooks (https://discord.com/api/webhooks/…)";
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"Notifications:Discord:WebhookUrl is not an absolute URL; {Fix}.";
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return $"Notifications:Discord:WebhookUrl must use https; {Fix}.";
        }

        if (!IsDiscordHost(url.Host) || !WebhookPath().IsMatch(url.AbsolutePath))
        {
            return $"Notifications:Discord:WebhookUrl is not a Discord webhook URL; {Fix}. For another service use Notifications:Webhook:Url.";
        }

        return null;
    }

    private static bool IsHttp(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Host.Length > 0;

    /// <summary>/api/webhooks/{id}/{token}, optionally with an API version (/api/v10/webhooks/…).</summary>
    [GeneratedRegex(@"^/api/(v\d+/)?webhooks/\d+/[^/]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex WebhookPath();
}
