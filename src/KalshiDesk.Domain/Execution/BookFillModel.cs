using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Execution;

/// <summary>
/// Fills a buy against a book the way the exchange would: best price first, never above the limit,
/// the fee summed over the levels taken and rounded up once for the order. Paper trading and backtests share it.
/// </summary>
public static class BookFillModel
{
    /// <param name="allOrNothing">Fill-or-kill: fill the whole count or nothing.</param>
    public static BookFill Take(OrderBook book, Side side, Price limit, Quantity count, FeeSchedule fees, bool allOrNothing = false)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);

        var asks = AskLadder.For(book, side);
        var remaining = count.Contracts;
        var filled = 0m;
        var cost = 0m;
        var rawFee = 0m;
        for (var i = 0; i < asks.Count && remaining > 0m; i++)
        {
            var level = asks[i];
            if (level.Price > limit)
            {
                break;
            }

            var take = Math.Min(remaining, level.Size.Contracts);
            filled += take;
            cost += take * level.Price.Dollars;
            rawFee += take * KalshiFeeModel.TakerFeePerContract(level.Price, fees);
            remaining -= take;
        }

        if (filled == 0m || (allOrNothing && remaining > 0m))
        {
            return BookFill.None;
        }

        return new BookFill(Quantity.Of(filled), Price.FromDollars(cost / filled), new Money(cost), KalshiFeeModel.RoundUp(rawFee, fees.Rounding));
    }
}
