namespace KalshiDesk.Web.Api;

/// <summary>
/// Body of <c>POST /api/sizing</c>: <c>{"probability": 0.70, "yesBid": 0.53, "yesAsk": 0.55, "preset": "balanced", "equity": 1000}</c>.
/// </summary>
/// <param name="Probability">The probability of YES, strictly between 0 and 1.</param>
/// <param name="YesBid">The best YES bid in dollars (0–1); buying NO costs 1 − this.</param>
/// <param name="YesAsk">The best YES ask in dollars (0–1), above the bid; buying YES costs this.</param>
/// <param name="Preset">conservative, balanced or aggressive; the active preset (with its overrides) when absent.</param>
/// <param name="Equity">Account equity in dollars, not negative; the desk's current equity (and cash) when absent.</param>
public sealed record SizingQuery(double? Probability, decimal? YesBid, decimal? YesAsk, string? Preset, decimal? Equity);
