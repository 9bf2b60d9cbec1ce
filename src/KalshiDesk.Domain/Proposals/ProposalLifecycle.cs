namespace KalshiDesk.Domain.Proposals;

/// <summary>The proposal lifecycle as an explicit transition table; an impossible transition throws.</summary>
public static class ProposalLifecycle
{
    private static readonly Dictionary<ProposalStatus, ProposalStatus[]> Allowed = new()
    {
        [ProposalStatus.Pending] = [ProposalStatus.Approved, ProposalStatus.Rejected, ProposalStatus.Expired],
        [ProposalStatus.Approved] = [ProposalStatus.Executed, ProposalStatus.Failed],
        [ProposalStatus.Executed] = [],
        [ProposalStatus.Failed] = [],
        [ProposalStatus.Rejected] = [],
        [ProposalStatus.Expired] = [],
    };

    public static bool CanMove(ProposalStatus from, ProposalStatus to) => Allowed[from].Contains(to);

    /// <summary>Returns <paramref name="to"/> when the move is allowed, otherwise throws.</summary>
    public static ProposalStatus Move(ProposalStatus from, ProposalStatus to) =>
        CanMove(from, to)
            ? to
            : throw new InvalidOperationException($"A proposal cannot go from {from} to {to}.");
}
