namespace KalshiDesk.Domain.Risk;

/// <summary>A market's sit-out check: the gates it passed, and the gate that stopped it with the reason.</summary>
/// <param name="Passed">The gates passed, in order.</param>
/// <param name="FailedGate">The gate that stopped the market, or null when it may be traded.</param>
/// <param name="Reason">Why, starting with the gate's name ("data age: …"), or null.</param>
public sealed record MarketCheck(IReadOnlyList<string> Passed, string? FailedGate, string? Reason)
{
    /// <summary>True when the market sits out.</summary>
    public bool SitsOut => Reason is not null;
}
