using KalshiDesk.Engine.Trading;

namespace KalshiDesk.Web.Api;

/// <summary>The last cycle's funnel: scanned → priced → edge → sized → risk-passed → proposed.</summary>
/// <param name="SkipReasons">Markets that stopped, counted by the reason's head.</param>
/// <param name="TradingState">The desk's trading state during the cycle: active, reducing or halted.</param>
/// <param name="SitOut">Why every entry sat out during the cycle, or null.</param>
/// <param name="Gates">Per gate, in the order markets meet them: how many passed and how many it stopped.</param>
public sealed record CycleFunnel(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Scanned,
    int Priced,
    int WithEdge,
    int Sized,
    int RiskPassed,
    int Proposed,
    IReadOnlyDictionary<string, int> SkipReasons,
    string TradingState,
    string? SitOut,
    IReadOnlyDictionary<string, GateCount> Gates);
