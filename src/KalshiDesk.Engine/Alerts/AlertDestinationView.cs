namespace KalshiDesk.Engine.Alerts;

/// <summary>A destination as the dashboard shows it: its host only, never the URL (the URL holds the webhook's token).</summary>
/// <param name="Name">Discord or Webhook.</param>
/// <param name="Host">"discord.com/…", or null when it is not configured.</param>
/// <param name="Setting">The configuration key that sets it.</param>
/// <param name="Waiting">Alerts queued for it and not yet answered.</param>
public sealed record AlertDestinationView(string Name, string? Host, string Setting, int Waiting)
{
    public bool Configured => Host is not null;
}
