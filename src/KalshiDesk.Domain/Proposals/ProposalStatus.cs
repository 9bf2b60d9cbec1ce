namespace KalshiDesk.Domain.Proposals;

/// <summary>Where a proposal is in its life.</summary>
public enum ProposalStatus
{
    Pending,
    Approved,
    Executed,
    Failed,
    Rejected,
    Expired,
}
