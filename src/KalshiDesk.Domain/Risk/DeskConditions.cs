namespace KalshiDesk.Domain.Risk;

/// <summary>
/// What the risk gate knows of the desk beyond the portfolio: whether every new entry sits out, and why (for instance
/// calibration has degraded: the desk's rolling Brier skill against the market price is below zero).
/// </summary>
/// <param name="SitOutReason">Why all entries pause, or null when the desk may trade.</param>
public sealed record DeskConditions(string? SitOutReason = null)
{
    /// <summary>Nothing holds the desk back.</summary>
    public static DeskConditions Normal { get; } = new();

    /// <summary>True when every new entry pauses.</summary>
    public bool SittingOut => SitOutReason is not null;
}
