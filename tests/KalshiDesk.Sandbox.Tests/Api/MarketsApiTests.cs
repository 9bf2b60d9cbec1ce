using System.Text.Json;
using System.Text.RegularExpressions;

namespace KalshiDesk.Sandbox.Tests.Api;

public sealed partial class MarketsApiTests : IAsyncLifetime
{
    // Every field the Market schema of Kalshi's OpenAPI 3.27.0 marks required.
    private static readonly string[] RequiredMarketFields =
    [
        "ticker", "event_ticker", "market_type", "yes_sub_title", "no_sub_title", "created_time", "updated_time", "open_time",
        "close_time", "latest_expiration_time", "settlement_timer_seconds", "status", "notional_value_dollars", "yes_bid_dollars",
        "yes_ask_dollars", "no_bid_dollars", "no_ask_dollars", "yes_bid_size_fp", "yes_ask_size_fp", "last_price_dollars",
        "previous_yes_bid_dollars", "previous_yes_ask_dollars", "previous_price_dollars", "volume_fp", "volume_24h_fp",
        "open_interest_fp", "result", "can_close_early", "expiration_value", "rules_primary", "rules_secondary",
        "price_level_structure", "price_ranges",
    ];

    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetExchangeStatus_Always_ActiveAndTrading()
    {
        var (status, body) = await _host.GetAsync("exchange/status");

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("exchange_active").GetBoolean());
        Assert.True(body.GetProperty("trading_active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("exchange_estimated_resume_time").ValueKind);
    }

    [Fact]
    public async Task GetMarkets_PagesOfTen_VisitEveryTickerOnceAndEndWithEmptyCursor()
    {
        var seen = new List<string>();
        var cursor = string.Empty;
        var pages = 0;
        do
        {
            var (status, body) = await _host.GetAsync("markets?limit=10" + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty));
            Assert.Equal(200, status);
            var markets = body.GetProperty("markets").EnumerateArray().ToList();
            Assert.InRange(markets.Count, 1, 10);
            seen.AddRange(markets.Select(m => m.Text("ticker")));
            cursor = body.Text("cursor");
            pages++;
        }
        while (cursor.Length > 0);

        Assert.Equal(48, seen.Count);
        Assert.Equal(5, pages);
        Assert.Equal(_host.Exchange.Tickers, seen);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task GetMarkets_DefaultLimit_ReturnsAllFortyEightInOnePage()
    {
        var (status, body) = await _host.GetAsync("markets?unknown_parameter=1");

        Assert.Equal(200, status);
        Assert.Equal(48, body.GetProperty("markets").GetArrayLength());
        Assert.Equal(string.Empty, body.Text("cursor"));
    }

    [Theory]
    [InlineData("markets?limit=1001", "limit")]
    [InlineData("markets?limit=abc", "limit")]
    [InlineData("markets?status=active", "status")]
    [InlineData("markets?cursor=%25%25%25", "cursor")]
    public async Task GetMarkets_BadQuery_Is400InKalshiErrorShape(string path, string field)
    {
        var (status, body) = await _host.GetAsync(path);

        Assert.Equal(400, status);
        KalshiWire.AssertError(body, "invalid_parameters", field);
    }

    [Fact]
    public async Task GetMarkets_OpenFilter_ReturnsOnlyActiveMarkets_AndUnopenedTheRest()
    {
        var open = await _host.AllMarketsAsync("&status=open");
        var unopened = await _host.AllMarketsAsync("&status=unopened");

        Assert.All(open, m => Assert.Equal("active", m.Text("status")));
        Assert.All(unopened, m => Assert.Equal("initialized", m.Text("status")));
        Assert.Equal(48, open.Count + unopened.Count);
        Assert.True(open.Count >= 44, $"{open.Count} open");
        Assert.All(unopened, m => Assert.True(DateTimeOffset.Parse(m.Text("open_time"), System.Globalization.CultureInfo.InvariantCulture) > SandboxHost.Start));
    }

    [Fact]
    public async Task GetMarkets_EventAndSeriesAndTickersFilters_SelectExactly()
    {
        var all = await _host.AllMarketsAsync();
        var first = all[0];
        var eventTicker = first.Text("event_ticker");
        var series = eventTicker[..eventTicker.IndexOf('-', StringComparison.Ordinal)];

        var byEvent = await _host.AllMarketsAsync($"&event_ticker={eventTicker}");
        var bySeries = await _host.AllMarketsAsync($"&series_ticker={series}");
        var byTickers = await _host.AllMarketsAsync($"&tickers={all[0].Text("ticker")},{all[5].Text("ticker")}");

        Assert.Equal(all.Where(m => m.Text("event_ticker") == eventTicker).Select(m => m.Text("ticker")), byEvent.Select(m => m.Text("ticker")));
        Assert.Equal(all.Where(m => m.Text("event_ticker").StartsWith(series + "-", StringComparison.Ordinal)).Select(m => m.Text("ticker")), bySeries.Select(m => m.Text("ticker")));
        Assert.Equal([all[0].Text("ticker"), all[5].Text("ticker")], byTickers.Select(m => m.Text("ticker")));
    }

    [Fact]
    public async Task GetMarket_Unknown_Is404NotFound()
    {
        var (status, body) = await _host.GetAsync("markets/KXNOPE-26NOV24-T1");

        Assert.Equal(404, status);
        KalshiWire.AssertError(body, "not_found", "KXNOPE-26NOV24-T1");
    }

    [Fact]
    public async Task GetMarket_EveryMarket_HasEveryRequiredFieldInKalshiFormats()
    {
        foreach (var ticker in _host.Exchange.Tickers)
        {
            var (status, body) = await _host.GetAsync($"markets/{ticker}");
            Assert.Equal(200, status);
            var market = body.GetProperty("market");
            foreach (var field in RequiredMarketFields)
            {
                Assert.True(market.TryGetProperty(field, out _), $"{ticker} lacks {field}");
            }

            Assert.Equal(ticker, market.Text("ticker"));
            Assert.Equal("binary", market.Text("market_type"));
            Assert.Equal("1.0000", market.Text("notional_value_dollars"));
            Assert.Equal(string.Empty, market.Text("result"));
            Assert.Equal("linear_cent", market.Text("price_level_structure"));
            var range = Assert.Single(market.GetProperty("price_ranges").EnumerateArray());
            Assert.Equal(("0.0000", "1.0000", "0.0100"), (range.Text("start"), range.Text("end"), range.Text("step")));
            Assert.False(market.TryGetProperty("category", out _));
            Assert.True(market.GetProperty("title").GetString()!.Length > 10);
            Assert.Equal(JsonValueKind.Number, market.GetProperty("settlement_timer_seconds").ValueKind);
            Assert.Contains(market.GetProperty("fractional_trading_enabled").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            foreach (var property in market.EnumerateObject())
            {
                if (property.Name.EndsWith("_dollars", StringComparison.Ordinal))
                {
                    Assert.Matches(DollarsFormat(), property.Value.GetString()!);
                }
                else if (property.Name.EndsWith("_fp", StringComparison.Ordinal))
                {
                    Assert.Matches(CountFormat(), property.Value.GetString()!);
                }
                else if (property.Name.EndsWith("_time", StringComparison.Ordinal))
                {
                    Assert.Matches(TimeFormat(), property.Value.GetString()!);
                }
            }
        }
    }

    [Fact]
    public async Task GetMarket_ActiveMarket_QuotesAgreeWithTheOrderbook()
    {
        var (_, markets) = await _host.GetAsync("markets?status=open&limit=1000");
        foreach (var market in markets.GetProperty("markets").EnumerateArray())
        {
            var ticker = market.Text("ticker");
            var (status, body) = await _host.GetAsync($"markets/{ticker}/orderbook");
            Assert.Equal(200, status);
            var book = body.GetProperty("orderbook_fp");
            var yes = book.Levels("yes_dollars");
            var no = book.Levels("no_dollars");

            // 3–6 levels a side, fewer only where the ladder runs into 1¢ or 99¢.
            Assert.InRange(yes.Count, yes[0].Price == 0.01m ? 1 : 3, 6);
            Assert.InRange(no.Count, no[0].Price == 0.01m ? 1 : 3, 6);
            Assert.Equal(yes.OrderBy(l => l.Price), yes);
            Assert.Equal(no.OrderBy(l => l.Price), no);
            Assert.All(yes.Concat(no), l => Assert.InRange(l.Size, 20m, 500m));
            Assert.Equal(yes[^1].Price, market.Dollars("yes_bid_dollars"));
            Assert.Equal(yes[^1].Size, market.Dollars("yes_bid_size_fp"));
            Assert.Equal(no[^1].Price, market.Dollars("no_bid_dollars"));
            Assert.Equal(1m - no[^1].Price, market.Dollars("yes_ask_dollars"));
            Assert.Equal(no[^1].Size, market.Dollars("yes_ask_size_fp"));
            Assert.Equal(1m - yes[^1].Price, market.Dollars("no_ask_dollars"));
            Assert.InRange(market.Dollars("yes_ask_dollars") - market.Dollars("yes_bid_dollars"), 0.01m, 0.04m);
        }
    }

    [Fact]
    public async Task GetOrderbook_DepthOne_ReturnsTheBestLevelOfEachSide()
    {
        var ticker = (await _host.AllMarketsAsync("&status=open"))[0].Text("ticker");
        var (_, full) = await _host.GetAsync($"markets/{ticker}/orderbook?depth=0");
        var (status, top) = await _host.GetAsync($"markets/{ticker}/orderbook?depth=1");

        Assert.Equal(200, status);
        var book = top.GetProperty("orderbook_fp");
        Assert.Equal([full.GetProperty("orderbook_fp").Levels("yes_dollars")[^1]], book.Levels("yes_dollars"));
        Assert.Equal([full.GetProperty("orderbook_fp").Levels("no_dollars")[^1]], book.Levels("no_dollars"));
        Assert.Matches(DollarsFormat(), book.GetProperty("yes_dollars")[0][0].GetString()!);
        Assert.Matches(CountFormat(), book.GetProperty("yes_dollars")[0][1].GetString()!);
    }

    [Fact]
    public async Task GetOrderbook_UnopenedMarket_HasEmptySidesAndSentinelQuotes()
    {
        var unopened = await _host.AllMarketsAsync("&status=unopened");
        Assert.NotEmpty(unopened);
        var market = unopened[0];

        var (_, body) = await _host.GetAsync($"markets/{market.Text("ticker")}/orderbook");

        Assert.Equal(0, body.GetProperty("orderbook_fp").GetProperty("yes_dollars").GetArrayLength());
        Assert.Equal(0, body.GetProperty("orderbook_fp").GetProperty("no_dollars").GetArrayLength());
        Assert.Equal("0.0000", market.Text("yes_bid_dollars"));
        Assert.Equal("1.0000", market.Text("yes_ask_dollars"));
        Assert.Equal("0.0000", market.Text("no_bid_dollars"));
        Assert.Equal("1.0000", market.Text("no_ask_dollars"));
        Assert.Equal("0.00", market.Text("yes_bid_size_fp"));
    }

    [Theory]
    [InlineData("markets/KXNOPE-1/orderbook", 404, "not_found")]
    [InlineData("markets/{0}/orderbook?depth=101", 400, "invalid_parameters")]
    [InlineData("markets/{0}/orderbook?depth=x", 400, "invalid_parameters")]
    public async Task GetOrderbook_BadRequest_AnswersInKalshiErrorShape(string template, int expectedStatus, string code)
    {
        var (status, body) = await _host.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _host.OpenTickers[0]));

        Assert.Equal(expectedStatus, status);
        KalshiWire.AssertError(body, code);
    }

    [Fact]
    public async Task GetSeries_EveryMarketsSeries_HasTheRequiredFieldsAndAKnownFeeType()
    {
        string[] required = ["ticker", "frequency", "title", "category", "tags", "settlement_sources", "contract_url", "contract_terms_url", "fee_type", "fee_multiplier", "additional_prohibitions"];
        var seriesTickers = _host.Exchange.Tickers.Select(t => t[..t.IndexOf('-', StringComparison.Ordinal)]).Distinct().ToList();
        var categories = new HashSet<string>();
        foreach (var ticker in seriesTickers)
        {
            var (status, body) = await _host.GetAsync($"series/{ticker}");
            Assert.Equal(200, status);
            var series = body.GetProperty("series");
            Assert.All(required, f => Assert.True(series.TryGetProperty(f, out _), $"{ticker} lacks {f}"));
            Assert.Contains(series.Text("fee_type"), new[] { "quadratic", "quadratic_with_maker_fees" });
            Assert.Contains(series.GetProperty("fee_multiplier").GetDecimal(), new[] { 1m, 0.5m });
            Assert.Equal(JsonValueKind.Array, series.GetProperty("tags").ValueKind);
            categories.Add(series.Text("category"));
        }

        Assert.Subset(new HashSet<string> { "economics", "weather", "crypto", "sports", "politics" }, categories);
        Assert.True(categories.Count >= 4, string.Join(",", categories));
    }

    [Fact]
    public async Task GetSeriesList_CoversTheFeeSchedules_IncludingHalfRateIndexAndMakerFees()
    {
        var (status, body) = await _host.GetAsync("series");

        Assert.Equal(200, status);
        var all = body.GetProperty("series").EnumerateArray().ToList();
        Assert.Contains(all, s => s.Text("ticker") == "KXINX" && s.GetProperty("fee_multiplier").GetDecimal() == 0.5m);
        Assert.Contains(all, s => s.Text("fee_type") == "quadratic_with_maker_fees");
        Assert.True(all.Count(s => s.Text("fee_type") == "quadratic" && s.GetProperty("fee_multiplier").GetDecimal() == 1m) > all.Count / 2);
    }

    [Fact]
    public async Task GetEvent_WithNestedMarkets_NestsTheSameMarketsItListsAtTopLevel()
    {
        var market = (await _host.AllMarketsAsync())[0];
        var eventTicker = market.Text("event_ticker");

        var (status, body) = await _host.GetAsync($"events/{eventTicker}?with_nested_markets=true");
        var (_, plain) = await _host.GetAsync($"events/{eventTicker}");

        Assert.Equal(200, status);
        var sandboxEvent = body.GetProperty("event");
        Assert.Equal(eventTicker, sandboxEvent.Text("event_ticker"));
        Assert.Equal(eventTicker[..eventTicker.IndexOf('-', StringComparison.Ordinal)], sandboxEvent.Text("series_ticker"));
        Assert.Contains(sandboxEvent.GetProperty("mutually_exclusive").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.False(string.IsNullOrEmpty(sandboxEvent.Text("title")));
        Assert.False(string.IsNullOrEmpty(sandboxEvent.Text("category")));
        var nested = sandboxEvent.GetProperty("markets").EnumerateArray().Select(m => m.Text("ticker")).ToList();
        Assert.Contains(market.Text("ticker"), nested);
        Assert.Equal(nested, body.GetProperty("markets").EnumerateArray().Select(m => m.Text("ticker")));
        Assert.False(plain.GetProperty("event").TryGetProperty("markets", out _));
        Assert.Equal(nested.Count, plain.GetProperty("markets").GetArrayLength());
    }

    [Fact]
    public async Task GetEventAndSeries_Unknown_Are404NotFound()
    {
        var (eventStatus, eventBody) = await _host.GetAsync("events/KXNOPE-26NOV24");
        var (seriesStatus, seriesBody) = await _host.GetAsync("series/KXNOPE");
        var (otherStatus, otherBody) = await _host.GetAsync("no/such/route");

        Assert.Equal((404, 404, 404), (eventStatus, seriesStatus, otherStatus));
        KalshiWire.AssertError(eventBody, "not_found");
        KalshiWire.AssertError(seriesBody, "not_found");
        KalshiWire.AssertError(otherBody, "not_found");
    }

    [GeneratedRegex(@"^-?\d+\.\d{4}$")]
    private static partial Regex DollarsFormat();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex CountFormat();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex TimeFormat();
}
