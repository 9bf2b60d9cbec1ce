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
    public async Task Stream_AgainstTheSandbox_KeepsWatchedBooksEqualToRestAndFreshensQuotes()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(new() { ["Kalshi:WebSocketUrl"] = "pending" }, webSocket: true);
        var stream = desk.Get<MarketStream>();
        var feed = desk.Get<MarketFeed>();
        var client = desk.Get<Kalshi.IKalshiClient>();
        await stream.StartAsync();
        var markets = await feed.GetOpenMarketsAsync();
        var watched = markets.Take(5).Select(m => m.Ticker).ToList();

        await stream.WatchBooksAsync(watched);
        desk.Sandbox!.Exchange.Tick();
        desk.Sandbox.Exchange.Tick();

        Assert.True(stream.IsLive);
        foreach (var ticker in watched)
        {
            var rest = await client.GetOrderBookAsync(ticker);
            await TestKit.Eventually.Until(
                () => stream.TryGetBook(ticker, out var book) && Same(book, rest),
                TimeSpan.FromSeconds(10),
                $"the stream's book for {ticker} should match REST after two ticks");
        }

        await TestKit.Eventually.Until(() => stream.QuotedMarkets > 0, TimeSpan.FromSeconds(10), "tickers should arrive after the world moves");
        var quoted = markets.First(m => stream.HasQuote(m.Ticker));
        var freshened = stream.Freshen(quoted with { YesBid = null, YesAsk = null });
        var now = await client.GetMarketAsync(quoted.Ticker);
        Assert.Equal((now.YesBid, now.YesAsk), (freshened.YesBid, freshened.YesAsk));
    }

    private static bool Same(Domain.Markets.OrderBook a, Domain.Markets.OrderBook b) =>
        a.YesBids.SequenceEqual(b.YesBids) && a.NoBids.SequenceEqual(b.NoBids);

    [Fact]
    public async Task Stream_NotConfiguredForTheSandbox_StaysOff()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();
        var stream = desk.Get<MarketStream>();

        await stream.StartAsync();

        Assert.False(stream.IsLive);
    }
}
