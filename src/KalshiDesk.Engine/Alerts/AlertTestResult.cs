namespace KalshiDesk.Engine.Alerts;

/// <summary>A test alert's result at one destination.</summary>
/// <param name="Destination">Discord or Webhook.</param>
/// <param name="Host">The destination's host and "…", or null when it is not configured.</param>
/// <param name="Outcome">"sent", or why not (e.g. "Discord answered 401 Unauthorized", "no Discord webhook configured").</param>
public sealed record AlertTestResult(string Destination, string? Host, bool Sent, string Outcome);
