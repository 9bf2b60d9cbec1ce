using System.Diagnostics;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.Models;
using KalshiDesk.Kalshi.RateLimiting;
using KalshiDesk.Kalshi.WebSockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Sandbox.Tests.Auth;

/// <summary>
/// The desk's own <see cref="KalshiClient"/>, wired as the app wires it (signing, pacing, retries), configured with the Sandbox's
/// demo key as <c>Kalshi:KeyId</c> and <c>Kalshi:PrivateKey</c>: every call authenticates and, paced to Basic, none meets a 429.
/// </summary>
public sealed class KalshiClientEndToEndTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private ServiceProvider _services = null!;

    private KalshiClient Client => (KalshiClient)_services.GetRequiredService<IKalshiClient>();

    public async Task InitializeAsync()
    {
        // Real time on both sides: the client's retries and the Sandbox's buckets run on it.
        _server = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = _server.BaseUrl.AbsoluteUri,
            ["Kalshi:KeyId"] = _server.DemoKey.KeyId,
            ["Kalshi:PrivateKey"] = _server.DemoKey.PrivateKeyPem,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddKalshiClient();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Portfolio_WithTheDemoKey_BalanceOrderAndCancel()
    {
        var ticker = await Client.GetMarketsAsync(new MarketQuery(Status: "open", PageSize: 1)).Select(m => m.Ticker).FirstAsync();

        var balance = await Client.GetBalanceAsync();
        var ack = await Client.CreateOrderAsync(new OrderRequest(ticker, "e2e-1", Side.Yes, Price.Parse("0.01"), Quantity.Of(3), TimeInForce.GoodTillCanceled));
        var resting = await Client.GetOrderAsync(ack.OrderId);
        var cancelled = await Client.CancelOrderAsync(ack.OrderId);
        var after = await Client.GetOrderAsync(ack.OrderId);

        Assert.Equal(10_000m, balance.Available.Dollars);
        Assert.Equal(("e2e-1", Quantity.Of(3), Quantity.Zero), (ack.ClientOrderId, ack.Remaining, ack.Filled));
        Assert.Equal(OrderStatus.Resting, resting.Status);
        Assert.Equal((ack.OrderId, Quantity.Of(3)), (cancelled.OrderId, cancelled.ReducedBy));
        Assert.Equal(OrderStatus.Canceled, after.Status);
        Assert.Equal(0, _server.RateLimited);
    }

    [Fact]
    public async Task AccountLimitsAndEndpointCosts_ResizeTheClientToBasic()
    {
        var limits = await Client.GetAccountLimitsAsync();
        var costs = await Client.GetEndpointCostsAsync();
        var budget = KalshiRateLimits.From(limits, costs);

        Assert.Equal(new AccountLimits("basic", new RateBucket(200, 200), new RateBucket(100, 200), RateLimitUnit.Tokens), limits);
        Assert.Equal(10, costs.DefaultCost);
        Assert.Equal(
            [("DELETE", "/portfolio/events/orders/{order_id}", 2), ("GET", "/portfolio/orders/{order_id}", 2)],
            costs.Overrides.Select(c => (c.Method, c.Path, c.Cost)));
        Assert.Equal((200, 200, 100, 200, 10), (budget.ReadRefillPerSecond, budget.ReadCapacity, budget.WriteRefillPerSecond, budget.WriteCapacity, budget.DefaultCost));
        Assert.Equal(2, budget.CostOf(HttpMethod.Delete, "/trade-api/v2/portfolio/events/orders/abc-123"));
        Assert.Equal(2, budget.CostOf(HttpMethod.Get, "/trade-api/v2/portfolio/orders/abc-123"));
    }

    [Fact]
    public async Task SixtyReads_PacedByTheClient_AllSucceedAtBasicPace()
    {
        // Warm up (connection, first signature) and let both buckets fill again.
        await Client.GetExchangeStatusAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(10_000m, (await Client.GetBalanceAsync()).Available.Dollars);
        }

        // 600 tokens: the ~200 in the bucket at once, the other ~400 at 200 a second.
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));

        // The client spends its budget when it sends, the exchange when a request arrives: a request held up on the way
        // (50 ms is a read's worth at 200 tokens a second) leaves the exchange's bucket that far behind the client's, and the
        // read after it can meet a 429, which the client retries. At full pace that is rare, never routine.
        Assert.InRange(_server.RateLimited, 0, 2);
    }

    [Fact]
    public async Task WebSocket_SignedWithTheConfiguredKey_ConnectsAndSubscribes()
    {
        var signer = _services.GetRequiredService<KalshiSignerHolder>().Signer;
        await using var socket = new KalshiWebSocketClient(new KalshiWebSocketOptions { Url = _server.WebSocketUrl }, signer, TimeProvider.System);

        await socket.ConnectAsync();
        var subscriptions = await socket.SubscribeAsync([KalshiChannels.Ticker]);

        Assert.Equal(_server.DemoKey.KeyId, signer!.KeyId);
        Assert.Equal(KalshiChannels.Ticker, Assert.Single(subscriptions).Channel);
    }
}
