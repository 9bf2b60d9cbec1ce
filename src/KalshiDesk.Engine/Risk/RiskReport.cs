using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Everything the Risk page and <c>GET /api/risk</c> show: the trading state and why, how it ends, the desk-wide
/// sit-out, the preset's effective limits with overrides marked, the breaker's measures and the recent risk audit.
/// </summary>
/// <param name="State">active, reducing or halted.</param>
/// <param name="Reason">Why the desk is halted or reducing; null when active.</param>
/// <param name="Since">When the desk entered the state; null before the breaker's first look.</param>
/// <param name="Cause">daily-loss, drawdown, losing-streak or kill-switch while halted; null otherwise.</param>
/// <param name="ResumesAt">When a daily-loss halt ends by itself (the next New York midnight); null otherwise.</param>
/// <param name="ResumesBy">How the halt ends: "the next New York day" or "an admin's resume"; null when not halted.</param>
/// <param name="SitOut">Why every entry sits out (exchange not trading, API errors high, calibration degraded); null when none.</param>
/// <param name="Preset">The preset in force.</param>
/// <param name="Limits">Its limits as enforced, in the preset table's order.</param>
/// <param name="Measures">The breaker's measures at the last observation; null before the first.</param>
/// <param name="Audit">Preset switches, overrides, halts, kills and resumes, newest first.</param>
public sealed record RiskReport(
    string State,
    string? Reason,
    DateTimeOffset? Since,
    string? Cause,
    DateTimeOffset? ResumesAt,
    string? ResumesBy,
    string? SitOut,
    string Preset,
    IReadOnlyList<LimitView> Limits,
    BreakerMeasures? Measures,
    IReadOnlyList<AuditView> Audit);
