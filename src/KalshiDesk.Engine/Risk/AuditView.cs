namespace KalshiDesk.Engine.Risk;

/// <summary>One audit entry: who did what, when, and the value before and after where there is one.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string Action, string Details, string? OldValue, string? NewValue);
