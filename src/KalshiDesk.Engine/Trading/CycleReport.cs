namespace KalshiDesk.Engine.Trading;

/// <summary>One cycle's funnel: scanned → priced → edge → sized → risk-passed → proposed, and why the rest stopped.</summary>
/// <param name="SkipReasons">Markets that stopped, counted by the reason's head ("spread", "halted", "no edge", …).</param>
/// <param name="TradingState">The desk's trading state during the cycle: active, reducing or halted.</param>
/// <param name="SitOut">Why every entry sat out during the cycle, or null.</param>
/// <param name="Gates">Per gate, in the order markets meet them: how many passed and how many it stopped.</param>
public sealed record CycleReport(
    Guid CycleId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Preset,
    int Scanned,
    int Priced,
    int WithEdge,
    int Sized,
    int RiskPassed,
    int Proposed,
    IReadOnlyDictionary<string, int> SkipReasons,
    IReadOnlyList<Guid> ProposalIds,
    string TradingState,
    string? SitOut,
    IReadOnlyDictionary<string, GateCount> Gates);
