using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>
/// The demo account's orders, fills, positions and settlements, over HTTP, against Kalshi's schemas. Each test first trades every
/// kind of order (resting GTC bid and ask, IOC partly filled, FOK killed, FOK filled, canceled, executed, a closed-out position),
/// asserting each create and cancel answer on the way.
/// </summary>
public sealed class PortfolioConformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SandboxHost _host = null!;

    // Hundreds of calls in a few seconds: the token buckets (tested elsewhere) are off so no answer is a 429.
    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync(new SandboxOptions
    {
        Markets = 300,
        TickInterval = TimeSpan.Zero,
        StartingBalanceDollars = 1_000_000m,
        RateLimits = new() { Enabled = false },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAndCancel_EveryKindOfOrder_Conforms()
    {
        var orders = await TradeEveryKindAsync();

        Assert.Contains(orders, o => o.Kind == "ioc-partial");
        Assert.Contains(orders, o => o.Kind == "fok-killed");
        Assert.Contains(orders, o => o.Kind == "canceled");
    }

    [Fact]
    public async Task GetOrders_EveryListAndEveryOrder_Conforms()
    {
        var placed = await TradeEveryKindAsync();

        var all = await ConformingPagesAsync("portfolio/orders?limit=1000", "/portfolio/orders", "orders");
        var paged = await ConformingPagesAsync("portfolio/orders?limit=2", "/portfolio/orders", "orders");
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var status in new[] { "resting", "canceled", "executed" })
        {
            statuses[status] = (await ConformingPagesAsync($"portfolio/orders?status={status}", "/portfolio/orders", "orders")).Count;
        }

        await ConformingPagesAsync($"portfolio/orders?ticker={Uri.EscapeDataString(placed[0].Ticker)}", "/portfolio/orders", "orders");

        Assert.Equal(placed.Count, all.Count);
        Assert.Equal(all.Select(o => o.Text("order_id")), paged.Select(o => o.Text("order_id")));
        Assert.All(statuses, s => Assert.True(s.Value > 0, $"no {s.Key} order to check"));
        foreach (var order in placed)
        {
            var (status, body) = await _host.GetAsync($"portfolio/orders/{order.OrderId}");
            WireConformance.AssertResponseConforms("GET", "/portfolio/orders/{order_id}", status, body, order.Kind);
            Assert.Equal(order.OrderId, body.GetProperty("order").Text("order_id"));
        }
    }

    [Fact]
    public async Task GetFills_EveryFill_Conforms()
    {
        var placed = await TradeEveryKindAsync();

        var fills = await ConformingPagesAsync("portfolio/fills?limit=1000", "/portfolio/fills", "fills");
        var paged = await ConformingPagesAsync("portfolio/fills?limit=3", "/portfolio/fills", "fills");
        foreach (var order in placed)
        {
            await ConformingPagesAsync($"portfolio/fills?order_id={order.OrderId}", "/portfolio/fills", "fills");
        }

        Assert.NotEmpty(fills);
        Assert.Equal(fills.Count, paged.Count);
        Assert.Contains(fills, f => f.Text("outcome_side") == "yes");
        Assert.Contains(fills, f => f.Text("outcome_side") == "no");
        output.WriteLine($"{fills.Count} fill(s), {fills.Count(f => !f.GetProperty("is_taker").GetBoolean())} as maker");
    }

    [Fact]
    public async Task GetPositions_MarketAndEventPositions_Conform()
    {
        var placed = await TradeEveryKindAsync();

        var (status, body) = await _host.GetAsync("portfolio/positions?limit=1000");
        WireConformance.AssertResponseConforms("GET", "/portfolio/positions", status, body);
        var market = body.GetProperty("market_positions").EnumerateArray().ToList();
        var events = body.GetProperty("event_positions").EnumerateArray().ToList();
        foreach (var query in new[] { "count_filter=position", "count_filter=total_traded", $"ticker={placed[0].Ticker}", $"event_ticker={events[0].Text("event_ticker")}", "limit=1" })
        {
            var (filteredStatus, filtered) = await _host.GetAsync($"portfolio/positions?{query}");
            WireConformance.AssertResponseConforms("GET", "/portfolio/positions", filteredStatus, filtered, query);
        }

        var pages = 0;
        for (var cursor = string.Empty; pages == 0 || cursor.Length > 0; pages++)
        {
            var (pageStatus, page) = await _host.GetAsync("portfolio/positions?limit=2" + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty));
            WireConformance.AssertResponseConforms("GET", "/portfolio/positions", pageStatus, page, $"page {pages}");
            cursor = page.TryGetProperty("cursor", out var next) ? next.GetString()! : string.Empty;
            Assert.True(pages < 100, "the positions cursor never ran out");
        }

        Assert.True(market.Count >= 3, $"only {market.Count} market position(s)");
        Assert.NotEmpty(events);
        Assert.Contains(market, p => p.Dollars("position_fp") > 0m);
        Assert.Contains(market, p => p.Dollars("position_fp") < 0m);
        Assert.Contains(market, p => p.Dollars("position_fp") == 0m);
    }

    [Fact]
    public async Task GetSettlements_TheEnvelopeAndWhateverItemsThereAre_Conform()
    {
        await TradeEveryKindAsync();

        // Nothing has settled yet (the clock has not moved): the envelope, and each item if there are any.
        var (status, body) = await _host.GetAsync("portfolio/settlements?limit=100");
        Assert.Equal(200, status);
        var items = WireConformance.AssertSettlementsConform(body);
        var (pagedStatus, paged) = await _host.GetAsync("portfolio/settlements?limit=1");
        Assert.Equal(200, pagedStatus);
        WireConformance.AssertSettlementsConform(paged);

        output.WriteLine($"{items} settlement item(s) checked");
    }

    [Fact]
    public async Task GetSettlements_AfterAMarketTheAccountHoldsSettles_HasConformingItems()
    {
        // YES in the market that closes first and NO in another of its event (when it has one), then the clock runs to settlement.
        var open = await _host.AllMarketsAsync("&status=open");
        var first = open.Where(m => m.Dollars("yes_ask_size_fp") >= 1m && m.Dollars("yes_bid_size_fp") >= 1m && m.Dollars("yes_bid_dollars") > 0m)
            .MinBy(m => DateTimeOffset.Parse(m.Text("close_time"), CultureInfo.InvariantCulture))!;
        await PlaceAsync("settles-yes", first, Order(first, "bid", 1m, first.Dollars("yes_ask_dollars"), "immediate_or_cancel"));
        if (open.FirstOrDefault(m => m.Text("event_ticker") == first.Text("event_ticker") && m.Text("ticker") != first.Text("ticker") && m.Dollars("yes_bid_size_fp") >= 1m && m.Dollars("yes_bid_dollars") > 0m) is { ValueKind: JsonValueKind.Object } sibling)
        {
            await PlaceAsync("settles-no", sibling, Order(sibling, "ask", 1m, sibling.Dollars("yes_bid_dollars"), "immediate_or_cancel"));
        }

        var close = DateTimeOffset.Parse(first.Text("close_time"), CultureInfo.InvariantCulture);
        _host.Time.Advance(close - _host.Time.GetUtcNow());
        var items = 0;
        for (var minute = 0; minute < 120 && items == 0; minute++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(1));
            _host.Exchange.Tick();
            var (status, body) = await _host.GetAsync("portfolio/settlements?limit=100");
            Assert.Equal(200, status);
            items = WireConformance.AssertSettlementsConform(body);
        }

        Assert.True(items >= 1, $"{first.Text("ticker")} closed at {close:u} but no settlement appeared within two hours");
        var (tickerStatus, byTicker) = await _host.GetAsync($"portfolio/settlements?ticker={first.Text("ticker")}");
        Assert.Equal(200, tickerStatus);
        Assert.Equal(1, WireConformance.AssertSettlementsConform(byTicker));
        var (marketStatus, market) = await _host.GetAsync($"markets/{first.Text("ticker")}");
        WireConformance.AssertResponseConforms("GET", "/markets/{ticker}", marketStatus, market, "settled market");
        var (positionsStatus, positions) = await _host.GetAsync("portfolio/positions");
        WireConformance.AssertResponseConforms("GET", "/portfolio/positions", positionsStatus, positions, "after settlement");
        await ConformingPagesAsync("portfolio/orders", "/portfolio/orders", "orders");
        await ConformingPagesAsync("portfolio/fills", "/portfolio/fills", "fills");
        output.WriteLine($"{items} settlement(s); {first.Text("ticker")} is {market.GetProperty("market").Text("status")}, result \"{market.GetProperty("market").Text("result")}\"");
    }

    /// <summary>Trades every kind of order, asserting each create (201 <c>CreateOrderV2Response</c>) and cancel (200 <c>CancelOrderV2Response</c>).</summary>
    private async Task<List<PlacedOrder>> TradeEveryKindAsync()
    {
        var open = (await _host.AllMarketsAsync("&status=open"))
            .Where(m => m.Dollars("yes_bid_dollars") >= 0.10m && m.Dollars("yes_ask_dollars") <= 0.90m && m.Dollars("yes_ask_size_fp") >= 2m && m.Dollars("yes_bid_size_fp") >= 2m
                && m.Dollars("yes_ask_dollars") - m.Dollars("yes_bid_dollars") >= 0.02m)
            .ToList();

        // Two markets of one event first, so the account has an event position across markets.
        var pair = open.GroupBy(m => m.Text("event_ticker")).OrderByDescending(g => g.Count()).First().Take(2).ToList();
        var markets = pair.Concat(open.Where(m => !pair.Any(p => p.Text("ticker") == m.Text("ticker")))).Take(5).ToList();
        Assert.True(markets.Count == 5, $"only {markets.Count} open markets with two-sided quotes");
        var (a, b, c, d, e) = (markets[0], markets[1], markets[2], markets[3], markets[4]);

        var (groupStatus, group) = await _host.PostRawAsync("portfolio/order_groups/create", """{"contracts_limit_fp":"100.00"}""");
        Assert.Equal(201, groupStatus);
        var groupId = group.Text("order_group_id");
        var expires = SandboxHost.Start.AddDays(1).ToUnixTimeSeconds();

        var placed = new List<PlacedOrder>
        {
            // Resting, on both sides of the book; the bid with a client id, an expiry and an order group.
            // Executed: buys YES at the ask, and sells YES at the bid (buys NO) in the event's other market.
            await PlaceAsync("ioc-executed", a, Order(a, "bid", 1m, a.Dollars("yes_ask_dollars"), "immediate_or_cancel", "ioc-executed")),
            await PlaceAsync("fok-executed", b, Order(b, "ask", 2m, b.Dollars("yes_bid_dollars"), "fill_or_kill")),

            // Resting, on both sides of the book (neither crossing), the bid with a client id, an expiry and an order group.
            await PlaceAsync("gtc-resting-bid", a, Order(a, "bid", 3m, a.Dollars("yes_bid_dollars"), "good_till_canceled", "gtc-resting-bid", expires, groupId)),
            await PlaceAsync("gtc-resting-ask", a, Order(a, "ask", 2m, a.Dollars("yes_ask_dollars") + 0.01m, "good_till_canceled")),

            // IOC for one more than the best ask holds, priced at it: partly filled, the rest canceled.
            await PlaceAsync("ioc-partial", c, Order(c, "bid", c.Dollars("yes_ask_size_fp") + 1m, c.Dollars("yes_ask_dollars"), "immediate_or_cancel")),

            // FOK for more than the whole book: killed, nothing filled.
            await PlaceAsync("fok-killed", c, Order(c, "bid", await DepthAsync(c) + 1m, 0.99m, "fill_or_kill", "fok-killed")),
        };

        // Rested, then canceled.
        var resting = await PlaceAsync("canceled", d, Order(d, "bid", 4m, d.Dollars("yes_bid_dollars") - 0.01m, "good_till_canceled", "to-cancel"));
        var (cancelStatus, cancelled) = await _host.DeleteAsync($"portfolio/events/orders/{resting.OrderId}");
        WireConformance.AssertResponseConforms("DELETE", "/portfolio/events/orders/{order_id}", cancelStatus, cancelled, "cancel");
        Assert.Equal("4.00", cancelled.Text("reduced_by"));
        placed.Add(resting);

        // Bought and sold back: a position of 0.00 with a realised (negative) PnL.
        placed.Add(await PlaceAsync("round-trip-buy", e, Order(e, "bid", 2m, e.Dollars("yes_ask_dollars"), "immediate_or_cancel")));
        placed.Add(await PlaceAsync("round-trip-sell", e, Order(e, "ask", 2m, e.Dollars("yes_bid_dollars"), "immediate_or_cancel")));

        // A resting bid at the best bid, and ticks until the world trades through it (a maker fill), if it does soon.
        var maker = await PlaceAsync("maker", d, Order(d, "bid", 2m, d.Dollars("yes_bid_dollars"), "good_till_canceled"));
        placed.Add(maker);
        for (var i = 0; i < 200 && (await _host.GetAsync($"portfolio/orders/{maker.OrderId}")).Body.GetProperty("order").Text("status") == "resting"; i++)
        {
            _host.Exchange.Tick();
        }

        return placed;
    }

    private async Task<PlacedOrder> PlaceAsync(string kind, JsonElement market, object order)
    {
        var (status, body) = await _host.PostOrderAsync(order);
        WireConformance.AssertResponseConforms("POST", "/portfolio/events/orders", status, body, kind);
        var filled = body.Dollars("fill_count");
        switch (kind)
        {
            case "ioc-partial":
                Assert.True(filled > 0m && body.Text("remaining_count") == "0.00", $"{kind}: {body}");
                break;
            case "fok-killed":
                Assert.Equal("0.00", body.Text("fill_count"));
                break;
        }

        return new PlacedOrder(kind, body.Text("order_id"), market.Text("ticker"));
    }

    private async Task<decimal> DepthAsync(JsonElement market)
    {
        var (_, book) = await _host.GetAsync($"markets/{market.Text("ticker")}/orderbook");
        return book.GetProperty("orderbook_fp").Levels("no_dollars").Sum(l => l.Size);
    }

    /// <summary>Follows the cursor, asserting each page of <c>GET path</c>; returns the items of every page.</summary>
    private async Task<List<JsonElement>> ConformingPagesAsync(string query, string endpoint, string items)
    {
        var all = new List<JsonElement>();
        var cursor = string.Empty;
        var pages = 0;
        do
        {
            var path = query + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty);
            var (status, body) = await _host.GetAsync(path);
            var report = WireConformance.AssertResponseConforms("GET", endpoint, status, body, path);
            foreach (var field in WireConformance.Undocumented(report))
            {
                output.WriteLine($"{endpoint}: the spec does not list {field}");
            }

            all.AddRange(body.GetProperty(items).EnumerateArray());
            cursor = body.GetProperty("cursor").GetString()!;
            Assert.True(++pages < 1000, $"the {endpoint} cursor never ran out");
        }
        while (cursor.Length > 0);

        return all;
    }

    private static Dictionary<string, object?> Order(JsonElement market, string side, decimal count, decimal price, string timeInForce, string? clientOrderId = null, long? expirationTime = null, string? orderGroupId = null)
    {
        var order = new Dictionary<string, object?>
        {
            ["ticker"] = market.Text("ticker"),
            ["side"] = side,
            ["count"] = count.ToString("0.00", CultureInfo.InvariantCulture),
            ["price"] = price.ToString("0.0000", CultureInfo.InvariantCulture),
            ["time_in_force"] = timeInForce,
            ["self_trade_prevention_type"] = "taker_at_cross",
        };
        if (clientOrderId is not null)
        {
            order["client_order_id"] = clientOrderId;
        }

        if (expirationTime is not null)
        {
            order["expiration_time"] = expirationTime;
        }

        if (orderGroupId is not null)
        {
            order["order_group_id"] = orderGroupId;
        }

        return order;
    }

    private sealed record PlacedOrder(string Kind, string OrderId, string Ticker);
}
