using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Domain.Decisions;

/// <summary>The desk's decision on one market in one cycle.</summary>
/// <param name="Estimate">The calibrated probability of YES.</param>
/// <param name="Stage">The last funnel stage the market passed.</param>
/// <param name="Best">The side chosen, when any side had edge.</param>
/// <param name="Risk">The risk gate's answer for the chosen side, when it was asked.</param>
/// <param name="Reason">Why the market stopped where it did, or null when it is proposed.</param>
public sealed record MarketDecision(
    string Ticker,
    Probability? Estimate,
    FunnelStage Stage,
    SideEvaluation? Yes,
    SideEvaluation? No,
    SideEvaluation? Best,
    RiskDecision? Risk,
    string? Reason)
{
    public bool IsTrade => Stage >= FunnelStage.RiskPassed && Risk is { Allowed: true };
}
