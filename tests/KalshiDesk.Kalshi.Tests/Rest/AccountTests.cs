using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class AccountTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetAccountLimitsAsync_TokenBuckets_MapsReadAndWrite()
    {
        const string json = """{"usage_tier":"basic","read":{"refill_rate":200,"bucket_capacity":200},"write":{"refill_rate":100,"bucket_capacity":200},"grants":[{"exchange_instance":"event_contract","level":"basic","expires_ts":null,"source":"volume"}]}""";
        var handler = new RecordedHandler().On(Base + "account/limits", json);

        var limits = await handler.Client().GetAccountLimitsAsync();

        Assert.Equal(new AccountLimits("basic", new RateBucket(200, 200), new RateBucket(100, 200), RateLimitUnit.Tokens), limits);
    }

    [Fact]
    public async Task GetAccountLimitsAsync_OlderRequestLimits_MapsToOneSecondRequestBuckets()
    {
        var handler = new RecordedHandler().On(Base + "account/limits", """{"usage_tier":"advanced","read_limit":30,"write_limit":30}""");

        var limits = await handler.Client().GetAccountLimitsAsync();

        Assert.Equal(new AccountLimits("advanced", new RateBucket(30, 30), new RateBucket(30, 30), RateLimitUnit.Requests), limits);
    }

    [Fact]
    public async Task GetAccountLimitsAsync_ZeroCapacity_NamesTheField()
    {
        var handler = new RecordedHandler().On(Base + "account/limits", """{"usage_tier":"basic","read":{"refill_rate":200,"bucket_capacity":0},"write":{"refill_rate":100,"bucket_capacity":200}}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetAccountLimitsAsync());

        Assert.Equal("read.bucket_capacity", ex.Field);
    }

    [Fact]
    public async Task GetEndpointCostsAsync_Listing_MapsDefaultAndOverrides()
    {
        const string json = """{"default_cost":10,"endpoint_costs":[{"method":"DELETE","path":"/trade-api/v2/portfolio/events/orders/{order_id}","cost":2},{"method":"GET","path":"/trade-api/v2/portfolio/orders/{order_id}","cost":2}]}""";
        var handler = new RecordedHandler().On(Base + "account/endpoint_costs", json);

        var costs = await handler.Client().GetEndpointCostsAsync();

        Assert.Equal(10, costs.DefaultCost);
        Assert.Equal(
            [new EndpointCost("DELETE", "/trade-api/v2/portfolio/events/orders/{order_id}", 2), new EndpointCost("GET", "/trade-api/v2/portfolio/orders/{order_id}", 2)],
            costs.Overrides);
    }
}
