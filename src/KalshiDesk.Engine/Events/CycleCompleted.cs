namespace KalshiDesk.Engine.Events;

public sealed record CycleCompleted(DateTimeOffset At, Guid CycleId, int Scanned, int Proposed) : DeskEvent(At);
