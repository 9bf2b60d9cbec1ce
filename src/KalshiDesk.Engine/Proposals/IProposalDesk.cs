namespace KalshiDesk.Engine.Proposals;

/// <summary>What a person does with proposals: list them, approve one, reject one with a reason.</summary>
public interface IProposalDesk
{
    Task<IReadOnlyList<ProposalView>> ListAsync(Domain.Proposals.ProposalStatus? status, int limit = 200, CancellationToken ct = default);

    Task<DecisionResult> ApproveAsync(Guid id, string actor, CancellationToken ct = default);

    Task<DecisionResult> RejectAsync(Guid id, string actor, string? reason, CancellationToken ct = default);
}
