namespace KalshiDesk.Engine.Alerts;

/// <summary>What became of one alert at one destination.</summary>
/// <param name="Destination">Discord or Webhook.</param>
/// <param name="Sent">Whether the destination accepted it.</param>
/// <param name="Outcome">"sent", or why not (e.g. "Discord answered 401 Unauthorized").</param>
public sealed record SentAlert(DateTimeOffset At, AlertKind Kind, string Title, string Destination, bool Sent, string Outcome);
