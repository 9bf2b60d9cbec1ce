namespace KalshiDesk.Kalshi.Tests.Resilience;

public class KalshiRateLimitsFromAccountTests
{
    [Fact]
    public void From_TokenForm_TakesTheBucketsAndCosts()
    {
        var limits = new Models.AccountLimits("advanced", new Models.RateBucket(300, 300), new Models.RateBucket(300, 600), Models.RateLimitUnit.Tokens);
        var costs = new Models.EndpointCosts(10, [new Models.EndpointCost("delete", "/trade-api/v2/portfolio/events/orders/{order_id}", 1), new Models.EndpointCost("GET", "/markets/{ticker}/orderbook", 4)]);

        var result = RateLimiting.KalshiRateLimits.From(limits, costs);

        Assert.Equal(("advanced", 300, 300, 300, 600, 10), (result.Tier, result.ReadRefillPerSecond, result.ReadCapacity, result.WriteRefillPerSecond, result.WriteCapacity, result.DefaultCost));
        Assert.Equal(1, result.CostOf(HttpMethod.Delete, "/trade-api/v2/portfolio/events/orders/o-9"));
        Assert.Equal(4, result.CostOf(HttpMethod.Get, "/trade-api/v2/markets/KX-1/orderbook"));
        Assert.Equal(2, result.CostOf(HttpMethod.Get, "/trade-api/v2/portfolio/orders/o-9"));
    }

    [Fact]
    public void From_OlderRequestsForm_ScalesByTheDefaultCost()
    {
        var limits = new Models.AccountLimits("basic", new Models.RateBucket(20, 20), new Models.RateBucket(10, 10), Models.RateLimitUnit.Requests);

        var result = RateLimiting.KalshiRateLimits.From(limits, new Models.EndpointCosts(10, []));

        Assert.Equal((200, 200, 100, 100), (result.ReadRefillPerSecond, result.ReadCapacity, result.WriteRefillPerSecond, result.WriteCapacity));
    }
}
