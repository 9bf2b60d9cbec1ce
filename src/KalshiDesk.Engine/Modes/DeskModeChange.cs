namespace KalshiDesk.Engine.Modes;

/// <summary>The answer to a request to switch the desk's mode: the mode in force after it and, when refused, why.</summary>
/// <param name="Reason">Why it was refused, naming what is missing; null when it succeeded.</param>
/// <param name="Checks">The preconditions of going live as they stood, when they were checked; empty otherwise.</param>
public sealed record DeskModeChange(ModeChangeOutcome Outcome, DeskModeState State, string? Reason, IReadOnlyList<DeskCheck> Checks)
{
    public bool Succeeded => Outcome is ModeChangeOutcome.Changed or ModeChangeOutcome.Unchanged;
}
