using KalshiDesk.Domain.Proposals;

namespace KalshiDesk.Engine.Proposals;

/// <summary>The answer to an approve or reject: what the proposal is now, and why when it did not go as asked.</summary>
public sealed record DecisionResult(bool Found, bool Succeeded, ProposalStatus? Status, string? Reason, ProposalView? Proposal)
{
    public static DecisionResult NotFound { get; } = new(false, false, null, "no such proposal", null);
}
