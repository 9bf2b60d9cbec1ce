namespace KalshiDesk.Engine.Events;

/// <summary>The desk's trading state changed (active, reducing, halted), or its preset or limits did.</summary>
/// <param name="State">active, reducing or halted.</param>
/// <param name="Reason">Why, in a line; null when active.</param>
public sealed record RiskStateChanged(DateTimeOffset At, string State, string? Reason) : DeskEvent(At);
