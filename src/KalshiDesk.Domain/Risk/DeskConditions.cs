namespace KalshiDesk.Domain.Risk;

/// <summary>
/// What the risk gate knows of the desk beyond the portfolio: its trading state (halted or reducing: no new entries) and
/// whether every new entry sits out, each with its reason (calibration has degraded, the exchange is not trading,
/// API errors are high).
/// </summary>
/// <param name="SitOutReason">Why all entries pause, or null when the desk may trade.</param>
public sealed record DeskConditions(string? SitOutReason = null)
{
    /// <summary>Nothing holds the desk back.</summary>
    public static DeskConditions Normal { get; } = new();

    /// <summary>Active (the default), reducing or halted.</summary>
    public TradingState State { get; init; } = TradingState.Active;

    /// <summary>Why the desk is halted or reducing; null when active.</summary>
    public string? StateReason { get; init; }

    /// <summary>True when every new entry pauses.</summary>
    public bool SittingOut => SitOutReason is not null;

    /// <summary>True when a new entry may pass: active and not sitting out.</summary>
    public bool AllowsEntries => State == TradingState.Active && !SittingOut;
}
