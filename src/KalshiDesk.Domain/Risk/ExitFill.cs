using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Risk;

/// <summary>What selling a position into the book got.</summary>
/// <param name="Sold">Contracts sold.</param>
/// <param name="AveragePrice">Volume-weighted sale price of the side sold, or null when nothing sold.</param>
/// <param name="Proceeds">Contracts × sale prices, in dollars, before the fee.</param>
/// <param name="Fee">The exit's taker fee, rounded up once for the order.</param>
public sealed record ExitFill(Quantity Sold, Price? AveragePrice, Money Proceeds, Money Fee)
{
    /// <summary>What the exit adds to cash: proceeds − fee.</summary>
    public Money Net => Proceeds - Fee;
}
