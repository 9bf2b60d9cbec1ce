namespace KalshiDesk.Engine.Events;

/// <summary>A small fact the Engine publishes for live dashboards: the subject changed, go read it.</summary>
public abstract record DeskEvent(DateTimeOffset At);
