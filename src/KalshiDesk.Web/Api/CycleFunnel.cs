namespace KalshiDesk.Web.Api;

/// <summary>The last cycle's funnel: scanned → priced → edge → sized → risk-passed → proposed.</summary>
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
    IReadOnlyDictionary<string, int> SkipReasons);
