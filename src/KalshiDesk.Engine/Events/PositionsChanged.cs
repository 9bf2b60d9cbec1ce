namespace KalshiDesk.Engine.Events;

public sealed record PositionsChanged(DateTimeOffset At, string Ticker) : DeskEvent(At);
