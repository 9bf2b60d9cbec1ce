using KalshiDesk.Kalshi.RateLimiting;

namespace KalshiDesk.Kalshi.Tests.Resilience;

public class KalshiRateLimiterTests
{
    [Theory]
    [InlineData("GET", "/trade-api/v2/markets", 10)]
    [InlineData("GET", "/trade-api/v2/portfolio/orders/ord-123", 2)]
    [InlineData("DELETE", "/trade-api/v2/portfolio/events/orders/ord-123", 2)]
    [InlineData("POST", "/trade-api/v2/portfolio/events/orders", 10)]
    [InlineData("DELETE", "/trade-api/v2/portfolio/events/orders/batched", 10)]
    public void Basic_CostsFollowKalshisTable(string method, string path, int cost) =>
        Assert.Equal(cost, KalshiRateLimits.Basic.CostOf(new HttpMethod(method), path));

    [Theory]
    [InlineData("POST", "/trade-api/v2/portfolio/events/orders", true)]
    [InlineData("DELETE", "/trade-api/v2/portfolio/events/orders/o-1", true)]
    [InlineData("PUT", "/trade-api/v2/portfolio/order_groups/og-1/reset", true)]
    [InlineData("GET", "/trade-api/v2/portfolio/orders", false)]
    [InlineData("GET", "/trade-api/v2/markets", false)]
    public void IsWrite_OrderChangesOnly(string method, string path, bool write) =>
        Assert.Equal(write, KalshiRateLimits.IsWrite(new HttpMethod(method), path));

    [Fact]
    public void Template_ReplacesIdsButKeepsNamedRoutes()
    {
        Assert.Equal("/portfolio/order_groups/{id}/reset", KalshiRateLimits.Template("/trade-api/v2/portfolio/order_groups/og-9/reset?x=1"));
        Assert.Equal("/portfolio/order_groups/create", KalshiRateLimits.Template("/trade-api/v2/portfolio/order_groups/create"));
    }

    [Fact]
    public async Task Acquire_BucketEmpty_WaitsForRefill()
    {
        // One request's worth of tokens, refilled at 10 a second: the second request must wait about a second.
        await using var limiter = new KalshiRateLimiter(KalshiRateLimits.Basic with { ReadRefillPerSecond = 10, ReadCapacity = 10 });
        await limiter.AcquireAsync(HttpMethod.Get, "/trade-api/v2/markets", CancellationToken.None);

        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(HttpMethod.Get, "/trade-api/v2/markets", impatient.Token).AsTask());
    }

    [Fact]
    public async Task Acquire_ReadsExhausted_WritesStillGo()
    {
        await using var limiter = new KalshiRateLimiter(KalshiRateLimits.Basic with { ReadRefillPerSecond = 10, ReadCapacity = 10 });
        await limiter.AcquireAsync(HttpMethod.Get, "/trade-api/v2/markets", CancellationToken.None);

        using var prompt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await limiter.AcquireAsync(HttpMethod.Post, "/trade-api/v2/portfolio/events/orders", prompt.Token);

        Assert.False(prompt.IsCancellationRequested);
    }

    [Fact]
    public async Task Update_ResizesTheBuckets()
    {
        await using var limiter = new KalshiRateLimiter(KalshiRateLimits.Basic with { ReadRefillPerSecond = 10, ReadCapacity = 10 });

        limiter.Update(KalshiRateLimits.Basic with { Tier = "advanced", ReadRefillPerSecond = 300, ReadCapacity = 300 });

        Assert.Equal("advanced", limiter.Limits.Tier);
        using var prompt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 30; i++)
        {
            await limiter.AcquireAsync(HttpMethod.Get, "/trade-api/v2/markets", prompt.Token);
        }
    }
}
