using System.Net;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using Polly.Timeout;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// Real orders on Kalshi through the V2 endpoint. An answer that never came, a 5xx, or Kalshi saying the
/// client_order_id already exists means the outcome is unknown: the order is never sent again, reconciliation settles it.
/// Every order belongs to the preset's order group, so the exchange stops a runaway by itself. A maker-route order goes
/// as a post-only good-till-canceled limit with its expiration time: it rests at its price (Kalshi refuses it rather
/// than let it take), and reconciliation books its fills and its end.
/// </summary>
public sealed class LiveBroker(IKalshiClient client, LiveOrderGroups groups) : IBroker
{
    public string Name => "live";

    public async Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        // Nothing has been sent yet: a failure here is a plain failure, not an unknown outcome.
        order = order with { OrderGroupId = await groups.EnsureAsync(ct).ConfigureAwait(false) };
        OrderAck ack;
        try
        {
            ack = await client.CreateOrderAsync(order, ct).ConfigureAwait(false);
        }
        catch (KalshiApiException ex) when ((int)ex.Status >= 500 || ex.Status == HttpStatusCode.Conflict)
        {
            throw new OrderOutcomeUnknownException(order.ClientOrderId, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or KalshiDataException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new OrderOutcomeUnknownException(order.ClientOrderId, ex);
        }

        var resting = order.TimeInForce == TimeInForce.GoodTillCanceled ? ack.Remaining : Quantity.Zero;
        if (ack.Filled.IsZero || ack.AverageFillPrice is not { } yesPrice)
        {
            return new BrokerResult(ack.OrderId, Quantity.Zero, null, Money.Zero, Money.Zero) { Resting = resting };
        }

        // Kalshi reports the average as a YES price and the fee per contract; reconciliation later books the exact fills.
        var price = order.Side == Side.Yes ? yesPrice : yesPrice.Complement;
        var cost = new Money(decimal.Round(ack.Filled.Contracts * price.Dollars, 4));
        var fee = new Money(decimal.Round(ack.Filled.Contracts * (ack.AverageFeePaid ?? 0m), 2));
        return new BrokerResult(ack.OrderId, ack.Filled, price, cost, fee) { Resting = resting };
    }
}
