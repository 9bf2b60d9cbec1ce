namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>PUT /api/risk/preset</c>: <c>{"preset": "balanced"}</c>.</summary>
public sealed record RiskPresetRequest(string? Preset);
