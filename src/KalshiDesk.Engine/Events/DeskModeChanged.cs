namespace KalshiDesk.Engine.Events;

/// <summary>
/// A person switched the desk between paper and live trading, or tried to and was refused (the mode then stayed).
/// </summary>
/// <param name="Mode">The mode in force after the attempt: paper or live.</param>
/// <param name="ChangedBy">Who switched it, or who tried to.</param>
/// <param name="Refusal">Why the attempt was refused; null when the mode changed.</param>
public sealed record DeskModeChanged(DateTimeOffset At, string Mode, string ChangedBy, string? Refusal = null) : DeskEvent(At);
