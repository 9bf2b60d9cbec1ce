using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>Every market the Sandbox serves, over HTTP, against Kalshi's <c>GetMarketsResponse</c>, <c>GetMarketResponse</c> and <c>Market</c>.</summary>
public sealed class MarketsConformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int WorldSize = 300;

    private SandboxHost _host = null!;

    // Hundreds of calls in a few seconds: the token buckets (tested elsewhere) are off so no answer is a 429.
    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync(new SandboxOptions
    {
        Markets = WorldSize,
        TickInterval = TimeSpan.Zero,
        RateLimits = new() { Enabled = false },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(1000)]
    [InlineData(70)]
    public async Task GetMarkets_EveryPageOfTheWholeWorld_Conforms(int limit)
    {
        // Some trading and ticks first, so the quotes, volumes and last prices are not all at their opening values.
        for (var i = 0; i < 5; i++)
        {
            _host.Exchange.Tick();
        }

        var (pages, markets) = await ConformingPagesAsync($"markets?limit={limit}");

        Assert.Equal(WorldSize, markets.Count);
        Assert.Equal(WorldSize, markets.Select(m => m.Text("ticker")).Distinct().Count());
        Assert.Equal((WorldSize + limit - 1) / limit, pages);
    }

    [Theory]
    [InlineData("unopened")]
    [InlineData("open")]
    [InlineData("paused")]
    [InlineData("closed")]
    [InlineData("settled")]
    public async Task GetMarkets_EachStatusFilter_Conforms(string status)
    {
        var (_, markets) = await ConformingPagesAsync($"markets?limit=1000&status={status}");

        output.WriteLine($"status={status}: {markets.Count} market(s), statuses {string.Join(", ", markets.Select(m => m.Text("status")).Distinct())}");
    }

    [Fact]
    public async Task GetMarket_EveryTicker_Conforms()
    {
        _host.Exchange.Tick();
        var tickers = (await _host.AllMarketsAsync()).Select(m => m.Text("ticker")).ToList();
        Assert.Equal(WorldSize, tickers.Count);

        foreach (var ticker in tickers)
        {
            var (status, body) = await _host.GetAsync($"markets/{Uri.EscapeDataString(ticker)}");

            WireConformance.AssertResponseConforms("GET", "/markets/{ticker}", status, body, ticker);
            Assert.Equal(ticker, body.GetProperty("market").Text("ticker"));
        }
    }

    [Fact]
    public async Task GetMarkets_ThroughCloseDeterminationAndSettlement_Conforms()
    {
        // The event that closes first: step its clock through close, determination and settlement, checking its markets at each step.
        var first = (await _host.AllMarketsAsync("&status=open")).MinBy(m => DateTimeOffset.Parse(m.Text("close_time"), CultureInfo.InvariantCulture))!;
        var eventTicker = first.Text("event_ticker");
        var close = DateTimeOffset.Parse(first.Text("close_time"), CultureInfo.InvariantCulture);
        _host.Time.Advance(close - _host.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (var step = 0; step < 240 && !seen.Contains("finalized"); step++)
        {
            _host.Exchange.Tick();
            var (_, markets) = await ConformingPagesAsync($"markets?limit=1000&event_ticker={Uri.EscapeDataString(eventTicker)}", log: false);
            seen.UnionWith(markets.Select(m => m.Text("status")));
            _host.Time.Advance(TimeSpan.FromSeconds(30));
        }

        // And the whole world afterwards, under every filter.
        foreach (var status in new[] { "unopened", "open", "paused", "closed", "settled" })
        {
            await ConformingPagesAsync($"markets?limit=1000&status={status}");
        }

        var (_, all) = await ConformingPagesAsync("markets?limit=1000");
        output.WriteLine($"{eventTicker} went through {string.Join(", ", seen)}; the world now has {string.Join(", ", all.GroupBy(m => m.Text("status")).Select(g => $"{g.Count()} {g.Key}"))}");
        Assert.Superset(new SortedSet<string>(["closed", "determined", "finalized"], StringComparer.Ordinal), seen);
    }

    /// <summary>Follows the cursor, asserting each page against <c>GetMarketsResponse</c> (which checks every market in it).</summary>
    private async Task<(int Pages, List<JsonElement> Markets)> ConformingPagesAsync(string query, bool log = true)
    {
        var markets = new List<JsonElement>();
        var undocumented = new SortedSet<string>(StringComparer.Ordinal);
        var cursor = string.Empty;
        var pages = 0;
        do
        {
            var path = query + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty);
            var (status, body) = await _host.GetAsync(path);
            var report = WireConformance.AssertResponseConforms("GET", "/markets", status, body, path);
            undocumented.UnionWith(WireConformance.Undocumented(report));
            markets.AddRange(body.GetProperty("markets").EnumerateArray());
            cursor = body.GetProperty("cursor").GetString()!;
            pages++;
            Assert.True(pages <= WorldSize + 1, "the cursor never ran out");
        }
        while (cursor.Length > 0);

        if (log && undocumented.Count > 0)
        {
            output.WriteLine($"{query}: fields the spec does not list: {string.Join(", ", undocumented)}");
        }

        return (pages, markets);
    }
}
