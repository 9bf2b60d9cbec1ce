namespace KalshiDesk.Engine.Modes;

/// <summary>What became of a request to switch the desk's mode.</summary>
public enum ModeChangeOutcome
{
    /// <summary>The desk switched.</summary>
    Changed,

    /// <summary>The desk was already in the mode asked for.</summary>
    Unchanged,

    /// <summary>Refused: the confirmation typed was not exactly LIVE.</summary>
    NotConfirmed,

    /// <summary>Refused: a precondition of live trading fails (no key, or a doctor's check).</summary>
    NotReady,
}
