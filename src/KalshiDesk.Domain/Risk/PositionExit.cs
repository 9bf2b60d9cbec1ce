using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Risk;

/// <summary>
/// Selling a held position into the book with an immediate-or-cancel order, as the kill switch flattens. Selling YES at
/// a YES bid b is, on Kalshi, buying NO at 1 − b: so the sale walks the bids of the side held, best first, never below
/// <c>floor</c>, and pays the taker fee 0.07·P·(1−P) per contract (the same at b and 1 − b), rounded up once.
/// </summary>
public static class PositionExit
{
    /// <summary>The lowest sale price an exit accepts by default: a cent, i.e. any bid at all.</summary>
    public static Price AnyBid { get; } = Price.FromDollars(0.01m);

    /// <summary>Sells <paramref name="count"/> contracts of the side <paramref name="held"/> into <paramref name="book"/>.</summary>
    /// <param name="floor">The lowest sale price accepted; a cent (any bid) by default.</param>
    public static ExitFill Sell(OrderBook book, Side held, Quantity count, FeeSchedule fees, Price? floor = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        var opposite = held == Side.Yes ? Side.No : Side.Yes;
        var fill = BookFillModel.Take(book, opposite, (floor ?? AnyBid).Complement, count, fees);
        if (fill.Filled.IsZero)
        {
            return new ExitFill(Quantity.Zero, null, Money.Zero, Money.Zero);
        }

        // Each contract sold at b bought its opposite at 1 − b: proceeds = contracts − what the opposite cost.
        var proceeds = fill.Filled.Contracts - fill.Cost.Dollars;
        return new ExitFill(fill.Filled, Price.FromDollars(proceeds / fill.Filled.Contracts), new Money(proceeds), fill.Fee);
    }
}
