using System.Net;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class OrdersV2Tests
{
    private const string Base = "/trade-api/v2/";
    private const string OrderId = "3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d";

    [Fact]
    public async Task CancelOrderAsync_SpecExample_SendsADeleteAndMapsReducedBy()
    {
        var handler = new RecordedHandler().On(
            Base + $"portfolio/events/orders/{OrderId}",
            """{"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","reduced_by":"10.00","ts_ms":1715793660456}""");

        var cancel = await handler.Client().CancelOrderAsync(OrderId);

        Assert.Equal(
            new OrderCancellation(OrderId, "8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", Quantity.Of(10m), DateTimeOffset.FromUnixTimeMilliseconds(1715793660456)),
            cancel);
        Assert.Equal(HttpMethod.Delete, handler.Requests.Single().Method);
        Assert.Null(handler.Bodies.Single());
    }

    [Fact]
    public async Task CancelOrderAsync_MarketClosed_SurfacesKalshisError()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/o-9", """{"error":{"code":"market_closed","message":"market is closed"}}""", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => handler.Client().CancelOrderAsync("o-9"));

        Assert.Equal("market_closed", ex.Code);
        Assert.Equal("portfolio/events/orders/o-9", ex.Path);
    }

    [Fact]
    public async Task AmendOrderAsync_BuyNo_SendsAYesAskWithTheNewTotal()
    {
        var handler = new RecordedHandler().On(
            Base + $"portfolio/events/orders/{OrderId}/amend",
            """{"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d","client_order_id":"kd-2","remaining_count":"8.00","fill_count":"0.00","ts_ms":1715793690123}""");

        var amended = await handler.Client().AmendOrderAsync(OrderId, "HIGHNY-24JAN01-T60", Side.No, Price.Parse("0.43"), Quantity.Of(8m), "kd-2");

        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        using var sent = JsonDocument.Parse(handler.Bodies.Single()!);
        Assert.Equal("HIGHNY-24JAN01-T60", sent.RootElement.GetProperty("ticker").GetString());
        Assert.Equal("ask", sent.RootElement.GetProperty("side").GetString());
        Assert.Equal("0.5700", sent.RootElement.GetProperty("price").GetString());
        Assert.Equal("8.00", sent.RootElement.GetProperty("count").GetString());
        Assert.Equal("kd-2", sent.RootElement.GetProperty("updated_client_order_id").GetString());
        Assert.Equal(
            new OrderAmendment(OrderId, "kd-2", Quantity.Zero, Quantity.Of(8m), null, null, DateTimeOffset.FromUnixTimeMilliseconds(1715793690123)),
            amended);
    }

    [Fact]
    public async Task AmendOrderAsync_CrossingTheBook_MapsTheFill()
    {
        var handler = new RecordedHandler().On(
            Base + "portfolio/events/orders/o-1/amend",
            """{"order_id":"o-1","remaining_count":"2.00","fill_count":"3.00","average_fill_price":"0.5800","average_fee_paid":"0.0171","ts_ms":1715793690123}""");

        var amended = await handler.Client().AmendOrderAsync("o-1", "M-1", Side.Yes, Price.Parse("0.58"), Quantity.Of(5m));

        using var sent = JsonDocument.Parse(handler.Bodies.Single()!);
        Assert.Equal("bid", sent.RootElement.GetProperty("side").GetString());
        Assert.False(sent.RootElement.TryGetProperty("updated_client_order_id", out _));
        Assert.Equal(Quantity.Of(3m), amended.Filled);
        Assert.Equal(Price.FromDollars(0.58m), amended.AverageFillPrice);
        Assert.Equal(0.0171m, amended.AverageFeePaid);
        Assert.Null(amended.ClientOrderId);
    }

    [Fact]
    public async Task DecreaseOrderAsync_ReduceBy_SendsOnlyReduceBy()
    {
        var handler = new RecordedHandler().On(
            Base + $"portfolio/events/orders/{OrderId}/decrease",
            """{"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","remaining_count":"8.00","ts_ms":1715793680789}""");

        var decreased = await handler.Client().DecreaseOrderAsync(OrderId, reduceBy: Quantity.Of(2m));

        Assert.Equal("""{"reduce_by":"2.00"}""", handler.Bodies.Single());
        Assert.Equal(Quantity.Of(8m), decreased.Remaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715793680789), decreased.ProcessedAt);
    }

    [Fact]
    public async Task DecreaseOrderAsync_ReduceTo_SendsOnlyReduceTo()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/o-1/decrease", """{"order_id":"o-1","remaining_count":"3.50","ts_ms":1715793680789}""");

        var decreased = await handler.Client().DecreaseOrderAsync("o-1", reduceTo: Quantity.Of(3.5m));

        Assert.Equal("""{"reduce_to":"3.50"}""", handler.Bodies.Single());
        Assert.Equal(Quantity.Of(3.5m), decreased.Remaining);
    }

    [Fact]
    public async Task DecreaseOrderAsync_BothArguments_IsRejected()
    {
        var handler = new RecordedHandler();

        await Assert.ThrowsAsync<ArgumentException>(() => handler.Client().DecreaseOrderAsync("o-1", Quantity.Of(1m), Quantity.Of(2m)));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DecreaseOrderAsync_NeitherArgument_IsRejected()
    {
        var handler = new RecordedHandler();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => handler.Client().DecreaseOrderAsync("o-1"));

        Assert.Contains("exactly one", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task BatchCreateOrdersAsync_OneItemErrors_ReturnsAcksAndTheErrorInOrder()
    {
        const string json = """
            {"orders":[
              {"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d","client_order_id":"kd-1","fill_count":"0.00","remaining_count":"10.00","ts_ms":1715793600123},
              {"order_id":null,"client_order_id":"kd-2","fill_count":null,"remaining_count":null,"average_fill_price":null,"average_fee_paid":null,"ts_ms":null,
               "error":{"code":"insufficient_balance","message":"insufficient balance","details":"need 2.90"}},
              {"order_id":"a6d6010d-6d5f-40a1-a7e7-5501386bb621","client_order_id":"kd-3","fill_count":"5.00","remaining_count":"0.00",
               "average_fill_price":"0.5800","average_fee_paid":"0.0012","ts_ms":1715793600456,"error":null}]}
            """;
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/batched", json, HttpStatusCode.Created);
        OrderRequest[] orders =
        [
            new("HIGHNY-24JAN01-T60", "kd-1", Side.Yes, Price.Parse("0.56"), Quantity.Of(10m), TimeInForce.GoodTillCanceled),
            new("HIGHNY-24JAN01-T60", "kd-2", Side.No, Price.Parse("0.42"), Quantity.Of(5m), TimeInForce.ImmediateOrCancel),
            new("HIGHNY-24JAN01-T60", "kd-3", Side.Yes, Price.Parse("0.58"), Quantity.Of(5m), TimeInForce.FillOrKill),
        ];

        var results = await handler.Client().BatchCreateOrdersAsync(orders);

        using var sent = JsonDocument.Parse(handler.Bodies.Single()!);
        var items = sent.RootElement.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(("bid", "0.5600", "good_till_canceled"), (items[0].GetProperty("side").GetString(), items[0].GetProperty("price").GetString(), items[0].GetProperty("time_in_force").GetString()));
        Assert.Equal(("ask", "0.5800", "5.00"), (items[1].GetProperty("side").GetString(), items[1].GetProperty("price").GetString(), items[1].GetProperty("count").GetString()));
        Assert.Equal("taker_at_cross", items[2].GetProperty("self_trade_prevention_type").GetString());
        Assert.Equal(new OrderAck("3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d", "kd-1", Quantity.Zero, Quantity.Of(10m), null, null), results[0].Ack);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Null(results[1].Ack);
        Assert.Equal("kd-2", results[1].ClientOrderId);
        Assert.Equal(new ExchangeError("insufficient_balance", "insufficient balance", "need 2.90"), results[1].Error);
        Assert.Equal(new OrderAck("a6d6010d-6d5f-40a1-a7e7-5501386bb621", "kd-3", Quantity.Of(5m), Quantity.Zero, Price.FromDollars(0.58m), 0.0012m), results[2].Ack);
    }

    [Fact]
    public async Task BatchCreateOrdersAsync_ResultCountDiffers_IsADataError()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/batched", """{"orders":[]}""", HttpStatusCode.Created);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().BatchCreateOrdersAsync(
            [new OrderRequest("M-1", "kd-1", Side.Yes, Price.Parse("0.5"), Quantity.Of(1m), TimeInForce.ImmediateOrCancel)]));

        Assert.Equal("orders", ex.Field);
    }

    [Fact]
    public async Task BatchCreateOrdersAsync_TierWithoutBatchAccess_Surfaces403()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/batched", """{"error":{"code":"forbidden","message":"batch not allowed for tier"}}""", HttpStatusCode.Forbidden);

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => handler.Client().BatchCreateOrdersAsync(
            [new OrderRequest("M-1", "kd-1", Side.Yes, Price.Parse("0.5"), Quantity.Of(1m), TimeInForce.ImmediateOrCancel)]));

        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
    }

    [Fact]
    public async Task BatchCancelOrdersAsync_TwoOrders_SendsADeleteWithAJsonBodyAndMapsEachResult()
    {
        const string json = """
            {"orders":[
              {"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","reduced_by":"10.00","ts_ms":1715793660456},
              {"order_id":"a6d6010d-6d5f-40a1-a7e7-5501386bb621","client_order_id":null,"reduced_by":"0.00","ts_ms":null,
               "error":{"code":"not_found","message":"order not found"}}]}
            """;
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders/batched", json);

        var results = await handler.Client().BatchCancelOrdersAsync([OrderId, "a6d6010d-6d5f-40a1-a7e7-5501386bb621"]);

        Assert.Equal(HttpMethod.Delete, handler.Requests.Single().Method);
        Assert.Equal(
            """{"orders":[{"order_id":"3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d"},{"order_id":"a6d6010d-6d5f-40a1-a7e7-5501386bb621"}]}""",
            handler.Bodies.Single());
        Assert.Equal(Quantity.Of(10m), results[0].Cancellation!.ReducedBy);
        Assert.True(results[0].Succeeded);
        Assert.Equal("a6d6010d-6d5f-40a1-a7e7-5501386bb621", results[1].OrderId);
        Assert.Null(results[1].Cancellation);
        Assert.Equal(new ExchangeError("not_found", "order not found", null), results[1].Error);
    }

    [Fact]
    public async Task BatchCancelOrdersAsync_Empty_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new RecordedHandler().Client().BatchCancelOrdersAsync([]));
    }
}
