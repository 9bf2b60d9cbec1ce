using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// The backtest's broker: an order fills against the recorded book as it stands on the replay clock, with Kalshi's taker
/// fee, through the same fill model as the paper broker (<see cref="BookFillModel"/>). An order for a market with no book
/// at this moment fills nothing. Nothing rests: a recording has no queue to rest in.
/// </summary>
public sealed class BacktestBroker(Func<string, OrderBook?> books) : IBroker
{
    public string Name => "backtest";

    public Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(fees);
        var book = books(order.Ticker);
        if (book is null)
        {
            return Task.FromResult(new BrokerResult($"backtest-{order.ClientOrderId}", Quantity.Zero, null, Money.Zero, Money.Zero));
        }

        var fill = BookFillModel.Take(book, order.Side, order.LimitPrice, order.Count, fees, order.TimeInForce == TimeInForce.FillOrKill);
        return Task.FromResult(new BrokerResult($"backtest-{order.ClientOrderId}", fill.Filled, fill.AveragePrice, fill.Cost, fill.Fee));
    }
}
