using System.Globalization;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

public sealed class OrderbookStreamTests : IAsyncLifetime
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
    public async Task Subscribe_TwoMarkets_SubscribedThenOneSnapshotEachWithSeqFromOneEqualToTheRestBook()
    {
        var tickers = await OpenTickersAsync(2);

        var id = await _client.SendAsync("subscribe", new { channels = new[] { "orderbook_delta" }, market_tickers = tickers, use_yes_price = false });
        var subscribed = await _client.ReceiveAsync();
        var first = await _client.ReceiveAsync();
        var second = await _client.ReceiveAsync();

        Assert.Equal($$$"""{"id":{{{id}}},"type":"subscribed","msg":{"channel":"orderbook_delta","sid":1}}""", subscribed.GetRawText());
        Assert.Equal(("orderbook_snapshot", "orderbook_snapshot"), (first.Type(), second.Type()));
        Assert.Equal((1L, 1L), (first.Sid(), second.Sid()));
        Assert.Equal((1L, 2L), (first.Seq(), second.Seq()));
        foreach (var (frame, ticker) in new[] { first, second }.Zip(tickers))
        {
            var msg = frame.Msg();
            Assert.Equal(ticker, msg.GetProperty("market_ticker").GetString());
            Assert.True(Guid.TryParse(msg.GetProperty("market_id").GetString(), out _));
            var rest = await RestBookAsync(ticker);
            Assert.Equal(rest.GetProperty("yes_dollars").GetRawText(), msg.GetProperty("yes_dollars_fp").GetRawText());
            Assert.Equal(rest.GetProperty("no_dollars").GetRawText(), msg.GetProperty("no_dollars_fp").GetRawText());
            AssertAscending(msg.GetProperty("yes_dollars_fp"));
            AssertAscending(msg.GetProperty("no_dollars_fp"));
        }
    }

    [Fact]
    public async Task Subscribe_MarketWithAnEmptyBook_SnapshotLeavesBothSideKeysOut()
    {
        var unopened = (await _host.AllMarketsAsync("&status=unopened")).First().Text("ticker");

        var (_, after) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = unopened });

        var msg = Assert.Single(after).Msg();
        Assert.Equal(unopened, msg.GetProperty("market_ticker").GetString());
        Assert.False(msg.TryGetProperty("yes_dollars_fp", out _));
        Assert.False(msg.TryGetProperty("no_dollars_fp", out _));
    }

    [Fact]
    public async Task Tick_ThirtyTimes_SnapshotPlusDeltasRebuildTheRestBookOfEveryMarketAndSeqRisesByOne()
    {
        var tickers = _host.Exchange.Tickers;
        var (sids, after) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_tickers = tickers, use_yes_price = false });
        var sid = Assert.Single(sids);
        var books = tickers.ToDictionary(t => t, _ => new StreamBook());
        var seq = 0L;
        var deltas = 0;
        Apply(after);

        for (var tick = 0; tick < 30; tick++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(2));
            _host.Exchange.Tick();
            var frames = await _client.DrainAsync();
            deltas += frames.Count;
            Apply(frames);
            foreach (var ticker in tickers)
            {
                Assert.Equal(StreamBook.RenderRest(await RestBookAsync(ticker)), books[ticker].Render());
            }
        }

        Assert.True(deltas > 100, $"only {deltas} deltas in 30 ticks");

        void Apply(List<JsonElement> frames)
        {
            foreach (var frame in frames)
            {
                Assert.Equal(sid, frame.Sid());
                Assert.Equal(++seq, frame.Seq());
                if (frame.Type() == "orderbook_delta")
                {
                    var msg = frame.Msg();
                    Assert.Matches(@"^\d\.\d{4}$", msg.GetProperty("price_dollars").GetString());
                    Assert.Matches(@"^-?\d+\.\d{2}$", msg.GetProperty("delta_fp").GetString());
                    Assert.Contains(msg.GetProperty("side").GetString()!, new[] { "yes", "no" });
                    Assert.Equal(_host.Time.GetUtcNow().ToUnixTimeMilliseconds(), msg.GetProperty("ts_ms").GetInt64());
                    Assert.Equal(_host.Time.GetUtcNow(), DateTimeOffset.Parse(msg.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture));
                }

                books[frame.Msg().GetProperty("market_ticker").GetString()!].Apply(frame);
            }
        }
    }

    [Fact]
    public async Task PlaceOrder_RestingBidAndItsCancel_EachArriveAsADeltaOfTheOrdersSize()
    {
        var ticker = (await OpenTickersAsync(1))[0];
        var (_, snapshot) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = ticker });
        var book = new StreamBook();
        book.Apply(Assert.Single(snapshot));

        var (status, placed) = await _host.PostOrderAsync(new { ticker, side = "bid", count = "7.00", price = "0.0200", time_in_force = "good_till_canceled", self_trade_prevention_type = "taker_at_cross" });
        Assert.Equal(201, status);
        var resting = await _client.DrainAsync();
        await _host.DeleteAsync($"portfolio/events/orders/{placed.Text("order_id")}");
        var cancelled = await _client.DrainAsync();

        var delta = Assert.Single(resting).Msg();
        Assert.Equal(("0.0200", "7.00", "yes"), (delta.Text("price_dollars"), delta.Text("delta_fp"), delta.Text("side")));
        var undo = Assert.Single(cancelled).Msg();
        Assert.Equal(("0.0200", "-7.00", "yes"), (undo.Text("price_dollars"), undo.Text("delta_fp"), undo.Text("side")));
        book.Apply(resting[0]);
        book.Apply(cancelled[0]);
        Assert.Equal(StreamBook.RenderRest(await RestBookAsync(ticker)), book.Render());
    }

    [Fact]
    public async Task Subscribe_UseYesPriceTrue_NoLevelsComeAsOneMinusTheNoBidStillAscending()
    {
        var ticker = (await OpenTickersAsync(1))[0];
        var rest = await RestBookAsync(ticker);

        var (_, after) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = ticker, use_yes_price = true });

        var msg = Assert.Single(after).Msg();
        var expected = rest.Levels("no_dollars")
            .Select(l => ((1m - l.Price).ToString("0.0000", CultureInfo.InvariantCulture), l.Size.ToString("0.00", CultureInfo.InvariantCulture)))
            .OrderBy(l => l.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, msg.GetProperty("no_dollars_fp").EnumerateArray().Select(l => (l[0].GetString()!, l[1].GetString()!)));
        Assert.Equal(rest.GetProperty("yes_dollars").GetRawText(), msg.GetProperty("yes_dollars_fp").GetRawText());
    }

    [Fact]
    public async Task UpdateSubscription_GetSnapshot_OkWithTheNextSeqThenAFreshSnapshotWithTheOneAfter()
    {
        var ticker = (await OpenTickersAsync(1))[0];
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_tickers = new[] { ticker } });
        var sid = sids[0];

        var id = await _client.SendAsync("update_subscription", new { sids = new[] { sid }, market_tickers = new[] { ticker }, action = "get_snapshot" });
        var frames = await _client.DrainAsync();

        Assert.Equal(2, frames.Count);
        Assert.Equal($$$"""{"id":{{{id}}},"type":"ok","sid":{{{sid}}},"seq":2,"msg":{"market_tickers":["{{{ticker}}}"]}}""", frames[0].GetRawText());
        Assert.Equal(("orderbook_snapshot", sid, 3L), (frames[1].Type(), frames[1].Sid(), frames[1].Seq()));
        var book = new StreamBook();
        book.Apply(frames[1]);
        Assert.Equal(StreamBook.RenderRest(await RestBookAsync(ticker)), book.Render());
    }

    [Fact]
    public async Task UpdateSubscription_AddThenDeleteMarkets_NewMarketGetsASnapshotAndADeletedOneNoMoreDeltas()
    {
        var tickers = await OpenTickersAsync(2);
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = tickers[0] });
        var sid = sids[0];

        await _client.SendAsync("update_subscription", new { sids = new[] { sid }, market_tickers = new[] { tickers[1] }, action = "add_markets" });
        var added = await _client.DrainAsync();
        await _client.SendAsync("update_subscription", new { sid, market_tickers = new[] { tickers[0] }, action = "delete_markets" });
        var deleted = await _client.DrainAsync();
        for (var i = 0; i < 5; i++)
        {
            _host.Exchange.Tick();
        }

        var later = await _client.DrainAsync();

        Assert.Equal([tickers[0], tickers[1]], added[0].Msg().GetProperty("market_tickers").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(("orderbook_snapshot", tickers[1], 3L), (added[1].Type(), added[1].Msg().Text("market_ticker"), added[1].Seq()));
        Assert.Equal([tickers[1]], Assert.Single(deleted).Msg().GetProperty("market_tickers").EnumerateArray().Select(t => t.GetString()!));
        Assert.NotEmpty(later);
        Assert.All(later, f => Assert.Equal(tickers[1], f.Msg().Text("market_ticker")));
        Assert.Equal(Enumerable.Range(5, later.Count).Select(s => (long?)s), later.Select(f => f.Seq()));
    }

    [Fact]
    public async Task Unsubscribe_OrderBook_UnsubscribedWithTheNextSeqAndNothingAfter()
    {
        var ticker = (await OpenTickersAsync(1))[0];
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = ticker });

        var id = await _client.SendAsync("unsubscribe", new { sids });
        var answer = await _client.DrainAsync();
        for (var i = 0; i < 5; i++)
        {
            _host.Exchange.Tick();
        }

        Assert.Equal($$"""{"id":{{id}},"type":"unsubscribed","sid":{{sids[0]}},"seq":2}""", Assert.Single(answer).GetRawText());
        Assert.Empty(await _client.DrainAsync());
        Assert.Equal(0, _host.Server.Streams.SubscriptionCount);
    }

    private async Task<List<string>> OpenTickersAsync(int count) =>
        [.. (await _host.AllMarketsAsync("&status=open")).Take(count).Select(m => m.Text("ticker"))];

    private async Task<JsonElement> RestBookAsync(string ticker)
    {
        var (status, body) = await _host.GetAsync($"markets/{ticker}/orderbook");
        Assert.Equal(200, status);
        return body.GetProperty("orderbook_fp");
    }

    private static void AssertAscending(JsonElement levels)
    {
        var prices = levels.EnumerateArray().Select(l => decimal.Parse(l[0].GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(prices.Count > 1, "a quoted market has several levels a side");
        Assert.Equal(prices.Order(), prices);
    }
}
