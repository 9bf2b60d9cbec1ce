using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Execution;

/// <summary>What a taker order got from the book.</summary>
/// <param name="Filled">Contracts bought.</param>
/// <param name="AveragePrice">Volume-weighted price of the side bought, or null when nothing filled.</param>
/// <param name="Cost">Contracts × prices, in dollars.</param>
/// <param name="Fee">The order's taker fee, rounded up once per order.</param>
public sealed record BookFill(Quantity Filled, Price? AveragePrice, Money Cost, Money Fee)
{
    public static BookFill None { get; } = new(Quantity.Zero, null, Money.Zero, Money.Zero);
}
