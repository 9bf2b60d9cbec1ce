namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>PUT /api/mode</c>: <c>{"mode": "live", "confirm": "LIVE"}</c> or <c>{"mode": "paper"}</c>.</summary>
/// <param name="Mode">paper or live.</param>
/// <param name="Confirm">Going live only: exactly <c>LIVE</c>.</param>
public sealed record ModeRequest(string? Mode, string? Confirm);
