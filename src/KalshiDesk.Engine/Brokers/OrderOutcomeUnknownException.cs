namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// The order may or may not have reached the exchange (timeout, 5xx, reset connection, a duplicate id).
/// It must not be sent again; reconciliation finds it by client_order_id or proves it absent.
/// </summary>
public sealed class OrderOutcomeUnknownException(string clientOrderId, Exception inner)
    : Exception($"the outcome of order {clientOrderId} is unknown ({inner.Message})", inner)
{
    public string ClientOrderId { get; } = clientOrderId;
}
