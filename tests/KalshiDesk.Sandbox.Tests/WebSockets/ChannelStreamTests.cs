using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

public sealed class ChannelStreamTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private StreamTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _client = await StreamTestClient.ConnectAsync(_host.Server);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Tick_TickerForAllMarkets_EachChangedMarketReportsWhatGetMarketSays()
    {
        var (sids, quiet) = await _client.SubscribeAsync(new { channels = new[] { "ticker" } });
        _host.Time.Advance(TimeSpan.FromSeconds(2));

        _host.Exchange.Tick();
        var frames = await _client.DrainAsync();

        Assert.Empty(quiet);
        Assert.True(frames.Count >= _host.Exchange.Tickers.Count / 2, $"only {frames.Count} tickers after a tick");
        Assert.Equal(frames.Count, frames.Select(f => f.Msg().Text("market_ticker")).Distinct().Count());
        foreach (var frame in frames)
        {
            Assert.Equal(("ticker", sids[0]), (frame.Type(), frame.Sid()));
            Assert.False(frame.TryGetProperty("seq", out _));
            var msg = frame.Msg();
            var (_, body) = await _host.GetAsync($"markets/{msg.Text("market_ticker")}");
            var market = body.GetProperty("market");
            Assert.Equal(market.Text("last_price_dollars"), msg.Text("price_dollars"));
            Assert.Equal(market.Text("yes_bid_dollars"), msg.Text("yes_bid_dollars"));
            Assert.Equal(market.Text("yes_ask_dollars"), msg.Text("yes_ask_dollars"));
            Assert.Equal(market.Text("yes_bid_size_fp"), msg.Text("yes_bid_size_fp"));
            Assert.Equal(market.Text("yes_ask_size_fp"), msg.Text("yes_ask_size_fp"));
            Assert.Equal(market.Text("volume_fp"), msg.Text("volume_fp"));
            Assert.Equal(market.Text("open_interest_fp"), msg.Text("open_interest_fp"));
            Assert.Matches(@"^\d+\.\d{2}$", msg.Text("last_trade_size_fp"));
            Assert.Equal(_host.Time.GetUtcNow().ToUnixTimeMilliseconds(), msg.GetProperty("ts_ms").GetInt64());
            Assert.Equal(_host.Time.GetUtcNow().ToUnixTimeSeconds(), msg.GetProperty("ts").GetInt64());
            Assert.Equal("2026-11-23T15:00:02Z", msg.Text("time"));
        }
    }

    [Fact]
    public async Task Tick_TickerForOneMarket_OnlyThatMarketAndTheInitialSnapshotWhenAsked()
    {
        var ticker = _host.OpenTickers[0];
        var (_, initial) = await _client.SubscribeAsync(new { channels = new[] { "ticker" }, market_ticker = ticker, send_initial_snapshot = true });

        for (var i = 0; i < 10; i++)
        {
            _host.Exchange.Tick();
        }

        var frames = await _client.DrainAsync();

        Assert.Equal(ticker, Assert.Single(initial).Msg().Text("market_ticker"));
        Assert.NotEmpty(frames);
        Assert.All(frames, f => Assert.Equal(ticker, f.Msg().Text("market_ticker")));
    }

    [Fact]
    public async Task PlaceOrder_CrossingBid_FillUserOrderAndTradeMatchRest()
    {
        var market = (await _host.AllMarketsAsync("&status=open")).First(m => m.Dollars("yes_ask_dollars") < 0.9m);
        var ticker = market.Text("ticker");
        var ask = market.Text("yes_ask_dollars");
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "fill", "user_orders", "trade" } }, channels: 3);

        var (status, placed) = await _host.PostOrderAsync(new
        {
            ticker, client_order_id = "ws-fill-1", side = "bid", count = "3.00", price = ask, time_in_force = "immediate_or_cancel", self_trade_prevention_type = "taker_at_cross",
        });
        Assert.Equal(201, status);
        var frames = await _client.DrainAsync();

        var orderId = placed.Text("order_id");
        var (_, fills) = await _host.GetAsync($"portfolio/fills?order_id={orderId}");
        var restFill = Assert.Single(fills.GetProperty("fills").EnumerateArray());
        var fill = Assert.Single(frames, f => f.Type() == "fill");
        Assert.Equal(sids[0], fill.Sid());
        var msg = fill.Msg();
        Assert.Equal(restFill.Text("fill_id"), msg.Text("trade_id"));
        Assert.Equal(orderId, msg.Text("order_id"));
        Assert.Equal(ticker, msg.Text("market_ticker"));
        Assert.True(msg.GetProperty("is_taker").GetBoolean());
        Assert.Equal(("yes", "bid", "yes", "buy", "yes"), (msg.Text("outcome_side"), msg.Text("book_side"), msg.Text("side"), msg.Text("action"), msg.Text("purchased_side")));
        Assert.Equal(ask, msg.Text("yes_price_dollars"));
        Assert.Equal("3.00", msg.Text("count_fp"));
        Assert.Equal(restFill.Text("fee_cost"), msg.Text("fee_cost"));
        Assert.Equal("3.00", msg.Text("post_position_fp"));
        Assert.Equal("ws-fill-1", msg.Text("client_order_id"));

        var (_, order) = await _host.GetAsync($"portfolio/orders/{orderId}");
        var restOrder = order.GetProperty("order");
        var update = Assert.Single(frames, f => f.Type() == "user_order");
        Assert.Equal(sids[1], update.Sid());
        var orderMsg = update.Msg();
        Assert.Equal(("executed", "3.00", "0.00", "3.00"), (orderMsg.Text("status"), orderMsg.Text("fill_count_fp"), orderMsg.Text("remaining_count_fp"), orderMsg.Text("initial_count_fp")));
        foreach (var field in new[] { "order_id", "ticker", "outcome_side", "book_side", "yes_price_dollars", "taker_fill_cost_dollars", "taker_fees_dollars", "client_order_id", "self_trade_prevention_type" })
        {
            Assert.Equal(restOrder.Text(field), orderMsg.Text(field));
        }

        var trade = Assert.Single(frames, f => f.Type() == "trade");
        Assert.Equal(sids[2], trade.Sid());
        var (_, tape) = await _host.GetAsync($"markets/trades?ticker={ticker}&limit=1");
        var restTrade = tape.GetProperty("trades")[0];
        var tradeMsg = trade.Msg();
        Assert.Equal(restTrade.Text("trade_id"), tradeMsg.Text("trade_id"));
        Assert.Equal((ask, "3.00", "yes", "bid"), (tradeMsg.Text("yes_price_dollars"), tradeMsg.Text("count_fp"), tradeMsg.Text("taker_outcome_side"), tradeMsg.Text("taker_book_side")));
    }

    [Fact]
    public async Task PlaceOrder_RestingThenCancelled_UserOrderForEachStateAndNoFill()
    {
        var ticker = _host.OpenTickers[0];
        await _client.SubscribeAsync(new { channels = new[] { "fill", "user_orders" }, market_tickers = new[] { ticker } }, channels: 2);

        var (_, placed) = await _host.PostOrderAsync(new { ticker, side = "ask", count = "4.00", price = "0.9900", time_in_force = "good_till_canceled", self_trade_prevention_type = "taker_at_cross" });
        var resting = await _client.DrainAsync();
        await _host.DeleteAsync($"portfolio/events/orders/{placed.Text("order_id")}");
        var cancelled = await _client.DrainAsync();

        var first = Assert.Single(resting).Msg();
        Assert.Equal(("resting", "no", "ask", "4.00", "0.9900"), (first.Text("status"), first.Text("outcome_side"), first.Text("book_side"), first.Text("remaining_count_fp"), first.Text("yes_price_dollars")));
        var second = Assert.Single(cancelled).Msg();
        Assert.Equal(("canceled", "0.00"), (second.Text("status"), second.Text("remaining_count_fp")));
    }

    [Fact]
    public async Task PlaceOrder_InAnotherMarket_FilteredOut()
    {
        var (tickers, other) = (_host.OpenTickers[0], _host.OpenTickers[1]);
        await _client.SubscribeAsync(new { channels = new[] { "user_orders" }, market_ticker = tickers });

        await _host.PostOrderAsync(new { ticker = other, side = "bid", count = "1.00", price = "0.0100", time_in_force = "good_till_canceled", self_trade_prevention_type = "taker_at_cross" });

        Assert.Empty(await _client.DrainAsync());
    }

    [Fact]
    public async Task Tick_TradeChannel_EveryPrintOnTheTapeOnceInOrder()
    {
        var (_, before) = await _host.GetAsync("markets/trades?limit=1");
        var lastBefore = before.GetProperty("trades").EnumerateArray().Select(t => t.Text("trade_id")).FirstOrDefault();
        await _client.SubscribeAsync(new { channels = new[] { "trade" } });

        var frames = new List<JsonElement>();
        for (var i = 0; i < 40 && frames.Count < 5; i++)
        {
            _host.Exchange.Tick();
            frames.AddRange(await _client.DrainAsync());
        }

        var (_, tape) = await _host.GetAsync("markets/trades?limit=1000");
        var newestFirst = tape.GetProperty("trades").EnumerateArray().Select(t => t.Text("trade_id")).TakeWhile(id => id != lastBefore).ToList();
        newestFirst.Reverse();
        Assert.True(frames.Count >= 5, $"only {frames.Count} trades in 40 ticks");
        Assert.Equal(newestFirst, frames.Select(f => f.Msg().Text("trade_id")));
    }
}
