using KalshiDesk.Domain.Proposals;

namespace KalshiDesk.Engine.Events;

public sealed record ProposalChanged(DateTimeOffset At, Guid ProposalId, ProposalStatus Status) : DeskEvent(At);
