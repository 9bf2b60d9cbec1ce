namespace KalshiDesk.Web.Api;

/// <summary>The answer of <c>POST /api/sizing</c>: both sides sized, and the one to buy.</summary>
/// <param name="Best">"yes" or "no", the side that clears the preset's minimum edge; null when neither does.</param>
/// <param name="Preset">The preset sized under.</param>
/// <param name="Equity">The equity sized on, in dollars.</param>
public sealed record SizingAnswer(SizingSide Yes, SizingSide No, string? Best, string Preset, decimal Equity);
