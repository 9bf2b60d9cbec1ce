namespace KalshiDesk.Engine.Portfolio;

/// <summary>
/// Replays a market's booked orders to price its exits at average cost, as the kill switch books them: a sale takes
/// its share of the position's cost and fees (sold ÷ held) and leaves the average of the rest unchanged.
/// </summary>
public static class ExitPnl
{
    /// <summary>Every exit among <paramref name="orders"/>, with what it realized, in the order they filled.</summary>
    public static IReadOnlyList<RealizedExit> Realize(IEnumerable<BookedOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var held = new Dictionary<(string Ticker, string Side), (decimal Contracts, decimal Cost, decimal Fees)>();
        var exits = new List<RealizedExit>();
        foreach (var order in orders.OrderBy(o => o.At))
        {
            var key = (order.Ticker, order.Side);
            var (contracts, cost, fees) = held.GetValueOrDefault(key);
            if (!order.IsExit)
            {
                held[key] = (contracts + order.Contracts, cost + order.Amount, fees + order.Fees);
                continue;
            }

            var sold = Math.Min(order.Contracts, contracts);
            var share = contracts == 0m ? 0m : sold / contracts;
            var basis = (cost + fees) * share;
            exits.Add(new RealizedExit(order.At, order.Ticker, order.Side, order.Contracts, decimal.Round(order.Amount - order.Fees - basis, 6)));
            held[key] = (contracts - sold, cost * (1m - share), fees * (1m - share));
        }

        return exits;
    }
}
