using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Resting orders through Kalshi's portfolio endpoints (<c>GET /portfolio/orders?status=resting</c>, batch cancel), on
/// the same client and rate-limit buckets as everything else.
/// </summary>
public sealed class KalshiRestingOrders(IKalshiClient client) : IExchangeRestingOrders
{
    /// <summary>Kalshi takes at most 20 orders per batch cancel.</summary>
    public const int BatchSize = 20;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default)
    {
        var ids = new List<string>();
        await foreach (var order in Client.GetOrdersAsync(status: OrderStatus.Resting, ct: ct).ConfigureAwait(false))
        {
            ids.Add(order.OrderId);
        }

        return ids;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> CancelAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var cancelled = new List<string>();
        foreach (var batch in orderIds.Chunk(BatchSize))
        {
            var results = await Client.BatchCancelOrdersAsync(batch, ct).ConfigureAwait(false);
            cancelled.AddRange(results.Where(r => r.Succeeded).Select(r => r.OrderId));
        }

        return cancelled;
    }

    private KalshiClient Client => client as KalshiClient
        ?? throw new InvalidOperationException("Cancelling resting orders needs the Kalshi HTTP client.");
}
