using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// Paper trading: the order is filled against the exchange's current book with Kalshi's taker fee,
/// exactly as it would have been taken, but nothing is sent to the exchange. A good-till-canceled order (the maker
/// route) takes at once only what the book already offers at its limit or better; the rest is left resting, for
/// <see cref="PaperRestingOrders"/> to fill at the limit with the maker fee when the market comes to it, or to cancel
/// at its expiry.
/// </summary>
public sealed class PaperBroker(MarketFeed feed) : IBroker
{
    public string Name => "paper";

    public async Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var book = await feed.GetOrderBookAsync(order.Ticker, ct).ConfigureAwait(false);
        var fill = BookFillModel.Take(book, order.Side, order.LimitPrice, order.Count, fees, order.TimeInForce == TimeInForce.FillOrKill);
        var resting = order.TimeInForce == TimeInForce.GoodTillCanceled ? order.Count - fill.Filled : Quantity.Zero;
        return new BrokerResult($"paper-{order.ClientOrderId}", fill.Filled, fill.AveragePrice, fill.Cost, fill.Fee) { Resting = resting };
    }
}
