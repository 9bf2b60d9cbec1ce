using System.Net;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class OrderGroupsTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task CreateOrderGroupAsync_Limit_PostsContractsLimitFpAndReturnsTheId()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/create", """{"order_group_id":"og-7","subaccount":0,"exchange_index":0}""", HttpStatusCode.Created);

        var id = await handler.Client().CreateOrderGroupAsync(Quantity.Of(50m));

        Assert.Equal("og-7", id);
        Assert.Equal(HttpMethod.Post, handler.Requests.Single().Method);
        Assert.Equal("""{"contracts_limit_fp":"50.00"}""", handler.Bodies.Single());
    }

    [Fact]
    public async Task CreateOrderGroupAsync_LimitBelowOneContract_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new RecordedHandler().Client().CreateOrderGroupAsync(Quantity.Of(0.5m)));
    }

    [Fact]
    public async Task GetOrderGroupsAsync_List_MapsEachGroup()
    {
        const string json = """{"order_groups":[{"id":"og-7","contracts_limit_fp":"50.00","is_auto_cancel_enabled":true,"exchange_index":0},{"id":"og-8","is_auto_cancel_enabled":false}]}""";
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups", json);

        var groups = await handler.Client().GetOrderGroupsAsync();

        Assert.Equal(new OrderGroup("og-7", Quantity.Of(50m), true, null), groups[0]);
        Assert.Equal(new OrderGroup("og-8", null, false, null), groups[1]);
    }

    [Fact]
    public async Task GetOrderGroupAsync_One_MapsItsOrders()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/og-7", """{"is_auto_cancel_enabled":true,"contracts_limit_fp":"50.00","orders":["o-1","o-2"],"exchange_index":0}""");

        var group = await handler.Client().GetOrderGroupAsync("og-7");

        Assert.Equal("og-7", group.Id);
        Assert.Equal(Quantity.Of(50m), group.ContractsLimit);
        Assert.True(group.IsAutoCancelEnabled);
        Assert.Equal(["o-1", "o-2"], group.OrderIds!);
    }

    [Fact]
    public async Task DeleteOrderGroupAsync_Id_SendsADelete()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/og-7", "{}");

        await handler.Client().DeleteOrderGroupAsync("og-7");

        Assert.Equal(HttpMethod.Delete, handler.Requests.Single().Method);
    }

    [Fact]
    public async Task ResetOrderGroupAsync_Id_SendsAPutWithAnEmptyObject()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/og-7/reset", "{}");

        await handler.Client().ResetOrderGroupAsync("og-7");

        Assert.Equal(HttpMethod.Put, handler.Requests.Single().Method);
        Assert.Equal("{}", handler.Bodies.Single());
    }

    [Fact]
    public async Task TriggerOrderGroupAsync_Id_SendsAPut()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/og-7/trigger", "{}");

        await handler.Client().TriggerOrderGroupAsync("og-7");

        Assert.Equal(HttpMethod.Put, handler.Requests.Single().Method);
        Assert.Equal("/trade-api/v2/portfolio/order_groups/og-7/trigger", handler.Requests.Single().RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SetOrderGroupLimitAsync_Limit_PutsContractsLimitFp()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/order_groups/og-7/limit", "{}");

        await handler.Client().SetOrderGroupLimitAsync("og-7", Quantity.Of(25m));

        Assert.Equal(HttpMethod.Put, handler.Requests.Single().Method);
        Assert.Equal("""{"contracts_limit_fp":"25.00"}""", handler.Bodies.Single());
    }

    [Fact]
    public async Task DeleteOrderGroupAsync_UnknownGroup_SurfacesThe404()
    {
        var handler = new RecordedHandler();

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => handler.Client().DeleteOrderGroupAsync("og-missing"));

        Assert.Equal(HttpStatusCode.NotFound, ex.Status);
        Assert.Equal("not_found", ex.Code);
    }
}
