using KalshiDesk.Sandbox.WebSockets;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

public sealed class StreamBackpressureTests
{
    [Fact]
    public async Task Tick_SubscriberThatNeverReads_DroppedWithCode25WhileAReadingSubscriberKeepsItsFeed()
    {
        var time = new FakeTimeProvider(SandboxHost.Start);
        await using var server = await SandboxServer.StartAsync(
            new SandboxOptions { TickInterval = TimeSpan.Zero }, time, new SandboxStreamOptions { BufferCapacity = 200 });
        await using var slow = await StreamTestClient.ConnectAsync(server);
        await using var fast = await StreamTestClient.ConnectAsync(server);
        var (slowSids, _) = await slow.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_tickers = server.Exchange.Tickers });
        var (fastSids, _) = await fast.SubscribeAsync(new { channels = new[] { "ticker" } });

        // The slow client reads nothing: its queue grows (a tick of 48 books' deltas, or the socket buffers filling) past the bound.
        await Eventually.Until(
            async () =>
            {
                server.Exchange.Tick();
                Assert.NotEmpty(await fast.DrainAsync());
                return server.Streams.SubscriptionCount == 1;
            },
            TimeSpan.FromSeconds(60),
            "the slow subscription is dropped");

        var backlog = await slow.ReceiveUntilAsync(f => f.Type() == "error");
        var error = backlog[^1];
        Assert.Equal((slowSids[0], 25), (error.Sid(), error.Msg().GetProperty("code").GetInt32()));
        Assert.Equal(1, error.Id());
        Assert.Equal("Subscription buffer overflow", error.Msg().GetProperty("msg").GetString());
        Assert.Empty(await slow.DrainAsync());

        server.Exchange.Tick();
        Assert.All(await fast.DrainAsync(), f => Assert.Equal(fastSids[0], f.Sid()));
    }
}
