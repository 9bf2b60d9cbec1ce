namespace KalshiDesk.Engine.Trading;

/// <summary>One cycle's funnel: scanned → priced → edge → sized → risk-passed → proposed, and why the rest stopped.</summary>
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
    IReadOnlyList<Guid> ProposalIds);
