namespace KalshiDesk.Domain.Risk;

/// <summary>What the risk gate did with a trade.</summary>
public enum RiskOutcome
{
    Approved,
    Shrunk,
    Denied,
}
