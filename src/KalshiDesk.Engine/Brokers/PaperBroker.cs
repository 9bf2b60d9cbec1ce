using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// Paper trading: the order is filled against the exchange's current book with Kalshi's taker fee,
/// exactly as it would have been taken, but nothing is sent to the exchange.
/// </summary>
public sealed class PaperBroker(MarketFeed feed) : IBroker
{
    public string Name => "paper";

    public async Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var book = await feed.GetOrderBookAsync(order.Ticker, ct).ConfigureAwait(false);
        var fill = BookFillModel.Take(book, order.Side, order.LimitPrice, order.Count, fees, order.TimeInForce == TimeInForce.FillOrKill);
        return new BrokerResult($"paper-{order.ClientOrderId}", fill.Filled, fill.AveragePrice, fill.Cost, fill.Fee);
    }
}
