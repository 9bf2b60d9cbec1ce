using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>An order as the exchange holds it.</summary>
/// <param name="OutcomeSide">The outcome the order positions for (buy YES or sell NO is YES).</param>
/// <param name="YesPrice">The limit as a YES price, in dollars.</param>
/// <param name="TakerFillCost">Cost of taker fills, in dollars.</param>
/// <param name="MakerFillCost">Cost of maker fills, in dollars.</param>
public sealed record ExchangeOrder(
    string OrderId,
    string? ClientOrderId,
    string Ticker,
    Side OutcomeSide,
    BookSide BookSide,
    OrderStatus Status,
    Price YesPrice,
    Quantity Filled,
    Quantity Remaining,
    Quantity Initial,
    Money TakerFillCost,
    Money MakerFillCost,
    Money TakerFees,
    Money MakerFees,
    DateTimeOffset? CreatedTime,
    DateTimeOffset? LastUpdateTime,
    DateTimeOffset? ExpirationTime,
    string? OrderGroupId)
{
    /// <summary>The limit in the outcome side's own price (1 − YES price for NO).</summary>
    public Price OutcomePrice => OutcomeSide == Side.Yes ? YesPrice : YesPrice.Complement;
}
