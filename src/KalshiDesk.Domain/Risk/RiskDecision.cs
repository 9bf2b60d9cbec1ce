using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Risk;

/// <summary>The risk gate's answer: the trade as allowed, the gates it passed, and why it was shrunk or denied.</summary>
public sealed record RiskDecision(RiskOutcome Outcome, SizingResult Sizing, IReadOnlyList<string> GatesPassed, IReadOnlyList<string> Reasons)
{
    public bool Allowed => Outcome != RiskOutcome.Denied;

    /// <summary>The gate that denied the trade (one of <see cref="RiskGate"/>'s names), or null when it was allowed.</summary>
    public string? DeniedBy { get; init; }

    /// <summary>The gates that shrank the trade without stopping it, in order.</summary>
    public IReadOnlyList<string> ShrunkBy { get; init; } = [];
}
