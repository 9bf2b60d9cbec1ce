using System.Globalization;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.World;

public sealed class SandboxWorldTests
{
    [Fact]
    public async Task Markets_SameSeedAndTicks_ServeIdenticalJson()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 7 });
        await using var second = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 7 });

        for (var i = 0; i < 30; i++)
        {
            first.Exchange.Tick();
            second.Exchange.Tick();
        }

        var one = await first.GetTextAsync("markets?limit=1000");
        var two = await second.GetTextAsync("markets?limit=1000");
        Assert.Equal(one, two);
        Assert.Equal(await first.GetTextAsync($"markets/{first.Exchange.Tickers[3]}/orderbook"), await second.GetTextAsync($"markets/{second.Exchange.Tickers[3]}/orderbook"));
        Assert.Equal(30, first.Exchange.TickCount);
    }

    [Fact]
    public async Task Markets_DifferentSeeds_Differ()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 1 });
        await using var second = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 2 });

        Assert.NotEqual(first.Exchange.Tickers, second.Exchange.Tickers);
        Assert.NotEqual(await first.GetTextAsync("markets?limit=1000"), await second.GetTextAsync("markets?limit=1000"));
    }

    [Fact]
    public async Task Markets_Ticking_MovesPricesAndVolume()
    {
        await using var host = await SandboxHost.StartAsync();
        var before = await host.GetTextAsync("markets?limit=1000");

        host.Exchange.Tick();

        Assert.NotEqual(before, await host.GetTextAsync("markets?limit=1000"));
    }

    [Fact]
    public async Task DefaultWorld_FirstScan_FindsAtLeastThreeLaggedMarkets()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero });

        var markets = await host.AllMarketsAsync("&status=open");

        var lagged = markets.Where(IsLagged).Select(m => m.Text("ticker")).ToList();
        Assert.True(lagged.Count >= 3, $"lagged: {string.Join(", ", lagged)}");
        Assert.Equal(host.Exchange.LaggedTickers(), lagged);
    }

    [Fact]
    public async Task DefaultWorld_EveryTick_KeepsThreeLaggedMarketsAndUncrossedBooks()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero });
        var world = host.Exchange.World;

        for (var tick = 0; tick < 300; tick++)
        {
            host.Exchange.Tick();

            Assert.True(host.Exchange.LaggedTickers().Count >= 3, $"tick {tick}");
            foreach (var market in world.Markets.Where(m => m.IsTrading))
            {
                Assert.InRange(market.Truth, 0.005, 0.995);
                Assert.InRange(market.Spread!.Value, 0.01m, 0.04m);
                Assert.InRange(market.QuoteCentre.Dollars, 0.02m, 0.98m);
                Assert.InRange(market.LastPrice.Dollars, 0.01m, 0.99m);
                Assert.True(market.OpenInterest <= market.Volume);
            }
        }

        var markets = await host.AllMarketsAsync("&status=open");
        Assert.True(markets.Count(IsLagged) >= 3);
    }

    [Fact]
    public async Task DefaultWorld_QuoteCentres_FollowTheTruthByAtMostTwoCentsATick()
    {
        await using var host = await SandboxHost.StartAsync();
        var world = host.Exchange.World;
        var centres = world.Markets.ToDictionary(m => m.Ticker, m => m.QuoteCentre.Dollars);

        for (var tick = 0; tick < 50; tick++)
        {
            host.Exchange.Tick();
            foreach (var market in world.Markets.Where(m => m.IsTrading))
            {
                Assert.InRange(Math.Abs(market.QuoteCentre.Dollars - centres[market.Ticker]), 0m, 0.02m);
                centres[market.Ticker] = market.QuoteCentre.Dollars;
            }
        }
    }

    [Fact]
    public async Task DefaultWorld_Catalog_LooksLikeKalshi()
    {
        await using var host = await SandboxHost.StartAsync();
        var markets = await host.AllMarketsAsync();

        Assert.Equal(48, markets.Count);
        Assert.All(markets, m =>
        {
            var ticker = m.Text("ticker");
            var eventTicker = m.Text("event_ticker");
            Assert.StartsWith(eventTicker + "-", ticker, StringComparison.Ordinal);
            Assert.StartsWith("KX", ticker, StringComparison.Ordinal);
            var close = DateTimeOffset.Parse(m.Text("close_time"), CultureInfo.InvariantCulture);

            // Quarter-hour series close within two hours; the rest 6 hours to 30 days out.
            var quarterHour = ticker.Contains("15M-", StringComparison.Ordinal);
            Assert.InRange(close, SandboxHost.Start.AddMinutes(quarterHour ? 1 : 6 * 60), SandboxHost.Start.AddDays(quarterHour ? 1.0 / 12 : 30));
            Assert.True(DateTimeOffset.Parse(m.Text("open_time"), CultureInfo.InvariantCulture) < close);
            Assert.EndsWith("?", m.Text("title"), StringComparison.Ordinal);
            Assert.StartsWith("If ", m.Text("rules_primary"), StringComparison.Ordinal);
        });
        var closes = markets.Select(m => DateTimeOffset.Parse(m.Text("close_time"), CultureInfo.InvariantCulture)).ToList();
        Assert.True(closes.Min() < SandboxHost.Start.AddDays(5) && closes.Max() > SandboxHost.Start.AddDays(20), $"{closes.Min()} – {closes.Max()}");
        var events = markets.GroupBy(m => m.Text("event_ticker")).ToList();
        Assert.All(events, e => Assert.InRange(e.Count(), 1, 4));
        Assert.True(events.Count >= 12, $"{events.Count} events");
        Assert.InRange(markets.Count(m => m.Text("status") == "initialized"), 0, 4);
    }

    [Fact]
    public void Create_HighTemperatureSeries_NamesMarketsTheWayKalshiDoes()
    {
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 400, TickInterval = TimeSpan.Zero }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SandboxHost.Start));

        var nyc = exchange.World.Markets.First(m => m.Series.Ticker == "KXHIGHNY");

        Assert.Matches(@"^KXHIGHNY-26(NOV|DEC)\d{2}-T\d+$", nyc.Ticker);
        Assert.Matches(@"^Will the high temperature in NYC be above \d+°F on (Nov|Dec) \d{1,2}, 2026\?$", nyc.Title);
        Assert.Equal("weather", nyc.Series.Category);
    }

    [Fact]
    public async Task Server_WithATickInterval_MovesTheWorldOnItsClock()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.FromSeconds(2) });
        Assert.Equal(0, host.Exchange.TickCount);

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(() => host.Exchange.TickCount >= 1);
        host.Time.Advance(TimeSpan.FromSeconds(4));
        await WaitUntilAsync(() => host.Exchange.TickCount >= 3);

        Assert.Equal(3, host.Exchange.TickCount);
    }

    [Fact]
    public async Task Server_Urls_PointAtLoopbackWithTheTradeApiRoots()
    {
        await using var host = await SandboxHost.StartAsync();

        Assert.Equal("127.0.0.1", host.Server.BaseUrl.Host);
        Assert.Equal("/trade-api/v2/", host.Server.BaseUrl.AbsolutePath);
        Assert.Equal($"ws://127.0.0.1:{host.Server.BaseUrl.Port}/trade-api/ws/v2", host.Server.WebSocketUrl.AbsoluteUri);
        Assert.NotEqual(0, host.Server.BaseUrl.Port);
    }

    [Theory]
    [InlineData(0, "Markets")]
    [InlineData(40001, "Markets")]
    public async Task Start_MarketsOutOfRange_ThrowsNamingTheSetting(int markets, string setting)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Markets = markets }));

        Assert.Contains($"Sandbox:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NegativeTickInterval_ThrowsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.FromSeconds(-1) }));

        Assert.Contains("Sandbox:TickInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FortyThousandMarkets_UniqueTickersAndATickCompletes()
    {
        var exchange = new SandboxExchange(new SandboxOptions { Markets = 40_000, TickInterval = TimeSpan.Zero }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SandboxHost.Start));

        Assert.Equal(40_000, exchange.Tickers.Count);
        Assert.Equal(40_000, exchange.Tickers.Distinct(StringComparer.Ordinal).Count());
        exchange.Tick();
        Assert.True(exchange.LaggedTickers().Count >= 40_000 / 16);
    }

    private static bool IsLagged(JsonElement market)
    {
        var bid = market.Dollars("yes_bid_dollars");
        var ask = market.Dollars("yes_ask_dollars");
        var last = market.Dollars("last_price_dollars");
        return bid > 0m && ask < 1m && last > 0m && ask - bid <= 0.04m && Math.Abs(last - ((bid + ask) / 2m)) >= 0.08m;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
