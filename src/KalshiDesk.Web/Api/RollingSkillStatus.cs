namespace KalshiDesk.Web.Api;

/// <summary>The desk's Brier skill against the market price over the latest settled markets: below zero, with enough markets, the desk sits out.</summary>
/// <param name="Window">Markets the window holds when full.</param>
/// <param name="Count">Settled markets in it now.</param>
/// <param name="Skill">1 − Brier(desk) / Brier(market); null with no markets.</param>
/// <param name="DeskBrier">The desk's Brier score over the window.</param>
/// <param name="MarketBrier">The market price's Brier score over the window.</param>
/// <param name="Degraded">True when every entry sits out because of it.</param>
/// <param name="Reason">Why the desk sits out, when <see cref="Degraded"/>.</param>
public sealed record RollingSkillStatus(int Window, int Count, double? Skill, double? DeskBrier, double? MarketBrier, bool Degraded, string? Reason);
