namespace KalshiDesk.Engine.Events;

public sealed record ProposalCreated(DateTimeOffset At, Guid ProposalId, string Ticker) : DeskEvent(At);
