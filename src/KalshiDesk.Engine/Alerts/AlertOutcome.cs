namespace KalshiDesk.Engine.Alerts;

/// <summary>How one destination answered one alert: sent, or why not, in words with no URL in them.</summary>
public sealed record AlertOutcome(bool Sent, string Text)
{
    public static AlertOutcome Delivered { get; } = new(true, "sent");
}
