namespace KalshiDesk.Domain.Pricing;

/// <summary>The outcome a contract pays on.</summary>
public enum Side
{
    Yes,
    No,
}
