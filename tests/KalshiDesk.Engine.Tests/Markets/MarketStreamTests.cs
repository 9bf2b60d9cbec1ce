using System.Net;
using System.Net.Sockets;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Trading;

namespace KalshiDesk.Engine.Tests.Markets;

public class MarketStreamTests
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Stream_Unreachable_LeavesTheDeskOnRestAndTrading()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(new() { ["Kalshi:WebSocketUrl"] = $"ws://127.0.0.1:{ClosedPort()}/trade-api/ws/v2" });
        var stream = desk.Get<MarketStream>();

        await stream.StartAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.False(stream.IsLive);
        Assert.False(stream.TryGetBook(report.ProposalIds.Count > 0 ? "any" : "none", out _));
        Assert.True(report.Proposed >= 1);
    }

    [Fact]
    public async Task Stream_NotConfiguredForTheSandbox_StaysOff()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();
        var stream = desk.Get<MarketStream>();

        await stream.StartAsync();

        Assert.False(stream.IsLive);
    }
}
