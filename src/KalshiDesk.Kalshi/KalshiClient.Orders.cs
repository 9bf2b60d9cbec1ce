using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    private const string V2Orders = "portfolio/events/orders";

    /// <summary>Cancels the rest of an order: <c>DELETE /portfolio/events/orders/{order_id}</c> (auth, 2 tokens).</summary>
    public async Task<OrderCancellation> CancelOrderAsync(string orderId, CancellationToken ct = default)
    {
        var dto = await SendAsync<CancelOrderResponseDto>(HttpMethod.Delete, $"{V2Orders}/{Segment(orderId, nameof(orderId))}", null, ct).ConfigureAwait(false);
        return ToCancellation(dto, orderId);
    }

    /// <summary>
    /// Changes an order's price and size: <c>POST /portfolio/events/orders/{order_id}/amend</c> (auth). Only a
    /// decrease in size keeps the order's place in the queue.
    /// </summary>
    /// <param name="side">The side bought, as in <see cref="OrderRequest"/>; the price is that side's.</param>
    /// <param name="totalCount">The new TOTAL: contracts already filled plus those that should rest.</param>
    public async Task<OrderAmendment> AmendOrderAsync(
        string orderId, string ticker, Side side, Price price, Quantity totalCount, string? updatedClientOrderId = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        if (totalCount.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(totalCount), totalCount, "An amend needs a positive total count; cancel the order instead.");
        }

        var (bookSide, yesPrice) = KalshiJson.ToV2Side(side, price);
        var body = new AmendOrderRequestDto
        {
            Ticker = ticker,
            Side = bookSide,
            Price = yesPrice,
            Count = totalCount.ToString(),
            UpdatedClientOrderId = updatedClientOrderId,
        };
        var path = $"{V2Orders}/{Segment(orderId, nameof(orderId))}/amend";
        var dto = await SendAsync<AmendOrderResponseDto>(HttpMethod.Post, path, body, ct).ConfigureAwait(false);
        return new OrderAmendment(
            dto.OrderId ?? orderId,
            dto.ClientOrderId,
            KalshiJson.ParseCount(dto.FillCount, "fill_count", ticker),
            KalshiJson.ParseCount(dto.RemainingCount, "remaining_count", ticker),
            KalshiJson.ParsePrice(dto.AverageFillPrice, "average_fill_price", ticker),
            KalshiJson.ParseMoney(dto.AverageFeePaid, "average_fee_paid", ticker)?.Dollars,
            KalshiJson.FromUnixMilliseconds(dto.TsMs));
    }

    /// <summary>Shrinks a resting order: <c>POST /portfolio/events/orders/{order_id}/decrease</c> (auth).</summary>
    /// <param name="reduceBy">Contracts to take off; give this or <paramref name="reduceTo"/>, not both.</param>
    /// <param name="reduceTo">Contracts to leave resting (0 cancels).</param>
    public async Task<OrderDecrease> DecreaseOrderAsync(string orderId, Quantity? reduceBy = null, Quantity? reduceTo = null, CancellationToken ct = default)
    {
        if (reduceBy.HasValue == reduceTo.HasValue)
        {
            throw new ArgumentException("Give exactly one of reduceBy and reduceTo.", reduceBy.HasValue ? nameof(reduceTo) : nameof(reduceBy));
        }

        if (reduceBy is { IsZero: true })
        {
            throw new ArgumentOutOfRangeException(nameof(reduceBy), reduceBy, "Reducing by zero contracts does nothing.");
        }

        var body = new DecreaseOrderRequestDto { ReduceBy = reduceBy?.ToString(), ReduceTo = reduceTo?.ToString() };
        var path = $"{V2Orders}/{Segment(orderId, nameof(orderId))}/decrease";
        var dto = await SendAsync<DecreaseOrderResponseDto>(HttpMethod.Post, path, body, ct).ConfigureAwait(false);
        return new OrderDecrease(
            dto.OrderId ?? orderId,
            dto.ClientOrderId,
            KalshiJson.RequiredCount(dto.RemainingCount, "remaining_count", null),
            KalshiJson.FromUnixMilliseconds(dto.TsMs));
    }

    /// <summary>
    /// Creates several orders in one request: <c>POST /portfolio/events/orders/batched</c> (auth, 10 tokens per order).
    /// Each item succeeds or fails on its own; results come back in the order sent.
    /// </summary>
    public async Task<IReadOnlyList<BatchOrderResult>> BatchCreateOrdersAsync(IReadOnlyList<OrderRequest> orders, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one order.", nameof(orders));
        }

        var body = new BatchCreateOrdersRequestDto { Orders = [.. orders.Select(KalshiJson.ToCreateOrder)] };
        var dto = await SendAsync<BatchCreateOrdersResponseDto>(HttpMethod.Post, $"{V2Orders}/batched", body, ct).ConfigureAwait(false);
        var items = dto.Orders ?? [];
        if (items.Count != orders.Count)
        {
            throw new KalshiDataException("orders", null, $"{items.Count} results for a batch of {orders.Count}");
        }

        var results = new List<BatchOrderResult>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var sent = orders[i];
            var error = KalshiJson.ToError(item.Error);
            var ack = error is not null ? null : KalshiJson.ToAck(
                new CreateOrderResponseDto
                {
                    OrderId = item.OrderId,
                    ClientOrderId = item.ClientOrderId,
                    FillCount = item.FillCount,
                    RemainingCount = item.RemainingCount,
                    AverageFillPrice = item.AverageFillPrice,
                    AverageFeePaid = item.AverageFeePaid,
                },
                sent.Ticker,
                sent.ClientOrderId);
            results.Add(new BatchOrderResult(item.ClientOrderId ?? sent.ClientOrderId, ack, error));
        }

        return results;
    }

    /// <summary>
    /// Cancels several orders in one request: <c>DELETE /portfolio/events/orders/batched</c> with a JSON body
    /// (auth, 2 tokens per order). Each item succeeds or fails on its own.
    /// </summary>
    public async Task<IReadOnlyList<BatchCancelResult>> BatchCancelOrdersAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        if (orderIds.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one order id.", nameof(orderIds));
        }

        foreach (var id in orderIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(orderIds));
        }

        var body = new BatchCancelOrdersRequestDto { Orders = [.. orderIds.Select(id => new BatchCancelOrderItemDto { OrderId = id })] };
        var dto = await SendAsync<BatchCancelOrdersResponseDto>(HttpMethod.Delete, $"{V2Orders}/batched", body, ct).ConfigureAwait(false);
        return [.. (dto.Orders ?? []).Select(item =>
        {
            var id = item.OrderId is { Length: > 0 } o ? o : throw new KalshiDataException("orders.order_id", null, "is missing in a batch cancel result");
            var error = KalshiJson.ToError(item.Error);
            return new BatchCancelResult(id, error is null ? ToCancellation(item, id) : null, error);
        })];
    }

    private static OrderCancellation ToCancellation(CancelOrderResponseDto dto, string orderId) => new(
        dto.OrderId ?? orderId,
        dto.ClientOrderId,
        KalshiJson.RequiredCount(dto.ReducedBy, "reduced_by", null),
        KalshiJson.FromUnixMilliseconds(dto.TsMs));
}
