using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Risk;

/// <summary>The risk gate's answer: the trade as allowed, the gates it passed, and why it was shrunk or denied.</summary>
public sealed record RiskDecision(RiskOutcome Outcome, SizingResult Sizing, IReadOnlyList<string> GatesPassed, IReadOnlyList<string> Reasons)
{
    public bool Allowed => Outcome != RiskOutcome.Denied;
}
