namespace KalshiDesk.Domain.Decisions;

/// <summary>How far a market got through one cycle: scanned → priced → edge → sized → risk-passed → proposed.</summary>
public enum FunnelStage
{
    Scanned,
    Priced,
    Edge,
    Sized,
    RiskPassed,
    Proposed,
}
