using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.WebSockets;
using KalshiDesk.TestKit;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

public class KalshiWebSocketClientTests
{
    private const string Fed = "FED-23DEC-T3.00";

    // NOTES §4.4, AsyncAPI 2026-08-04 example.
    private const string FedSnapshot = """
        {"type":"orderbook_snapshot","sid":2,"seq":2,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",
          "yes_dollars_fp":[["0.0800","300.00"],["0.2200","333.00"]],"no_dollars_fp":[["0.5400","20.00"],["0.5600","146.00"]]}}
        """;

    private static readonly TimeSpan Wait = WebSocketHarness.Wait;

    [Fact]
    public async Task ConnectAsync_WithSigner_UpgradeCarriesKeyTimestampAndAPssSignatureOverTheWsPath()
    {
        using var rsa = RSA.Create(2048);
        using var signer = KalshiRequestSigner.FromPem("key-ws-1", rsa.ExportRSAPrivateKeyPem());
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await using var harness = await WebSocketHarness.StartAsync(signer);

        var upgrade = Assert.Single(harness.Server.Upgrades);
        Assert.Equal("key-ws-1", upgrade.KeyId);
        var timestamp = long.Parse(upgrade.Timestamp, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(rsa.VerifyData(
            Encoding.UTF8.GetBytes($"{upgrade.Timestamp}GET/trade-api/ws/v2"),
            Convert.FromBase64String(upgrade.Signature),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pss));
    }

    [Fact]
    public async Task ConnectAsync_WithoutSigner_SendsNoAuthHeaders()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        Assert.Equal(new UpgradeRequest("", "", ""), Assert.Single(harness.Server.Upgrades));
        Assert.True(harness.Client.IsConnected);
    }

    [Fact]
    public async Task SubscribeAsync_OrderBook_SendsUseYesPriceFalseExplicitlyAndReturnsTheSid()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        var subscribing = harness.Client.SubscribeAsync([KalshiChannels.OrderbookDelta], [Fed]);
        var command = await harness.Connection.ConfirmSubscribeAsync(2);
        var subscription = Assert.Single(await subscribing);

        Assert.Equal("""{"id":1,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["FED-23DEC-T3.00"],"use_yes_price":false}}""", command.ToJsonString());
        Assert.Equal(2, subscription.Sid);
        Assert.Equal(KalshiChannels.OrderbookDelta, subscription.Channel);
        Assert.Equal([Fed], subscription.MarketTickers);
    }

    [Fact]
    public async Task SubscribeAsync_TwoChannels_OneCommandPerChannelWithIncrementingIds()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        var subscribing = harness.Client.SubscribeAsync([KalshiChannels.Ticker, KalshiChannels.Trade], ["HIGHNY-22DEC23-B53.5"]);
        var first = await harness.Connection.ConfirmSubscribeAsync(11);
        var second = await harness.Connection.ConfirmSubscribeAsync(12);
        var subscriptions = await subscribing;

        Assert.Equal("""{"id":1,"cmd":"subscribe","params":{"channels":["ticker"],"market_tickers":["HIGHNY-22DEC23-B53.5"]}}""", first.ToJsonString());
        Assert.Equal("""{"id":2,"cmd":"subscribe","params":{"channels":["trade"],"market_tickers":["HIGHNY-22DEC23-B53.5"]}}""", second.ToJsonString());
        Assert.Equal([11L, 12L], subscriptions.Select(s => s.Sid!.Value));
    }

    [Fact]
    public async Task OrderBook_SnapshotThenDeltas_ServesExactLevels()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        await harness.SubscribeBookAsync(Fed, 2);
        Assert.False(harness.Client.TryGetBook(Fed, out _));

        await harness.Connection.SendAsync(FedSnapshot);
        var book = await BookAsync(harness, b => b.YesBids.Count == 2);

        Assert.Equal([Level("0.22", "333"), Level("0.08", "300")], book.YesBids);
        Assert.Equal([Level("0.56", "146"), Level("0.54", "20")], book.NoBids);
        Assert.Equal(0.22m, book.BestYesBid!.Value.Dollars);
        Assert.Equal(0.44m, book.YesAsk!.Value.Dollars);

        await harness.Connection.SendAsync(Delta(2, 3, "yes", "0.2200", "-333.00"));
        await harness.Connection.SendAsync(Delta(2, 4, "no", "0.580", "10.00"));
        await harness.Connection.SendAsync(Delta(2, 5, "yes", "0.0800", "5.50"));
        book = await BookAsync(harness, b => b.BestNoBid?.Dollars == 0.58m && b.YesBids[0].Size.Contracts == 305.5m);

        Assert.Equal([Level("0.08", "305.50")], book.YesBids);
        Assert.Equal([Level("0.58", "10"), Level("0.56", "146"), Level("0.54", "20")], book.NoBids);
        Assert.Equal(0.08m, book.BestYesBid!.Value.Dollars);
        Assert.Equal(0.42m, book.YesAsk!.Value.Dollars);
    }

    [Fact]
    public async Task OrderBook_SnapshotWithAnEmptySide_LeavesOutTheKeyAndTheSideIsEmpty()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        await harness.SubscribeBookAsync(Fed, 2);

        await harness.Connection.SendAsync("""{"type":"orderbook_snapshot","sid":2,"seq":1,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"m","yes_dollars_fp":[["0.3000","12.00"]]}}""");
        var book = await BookAsync(harness, _ => true);

        Assert.Equal([Level("0.30", "12")], book.YesBids);
        Assert.Empty(book.NoBids);
        Assert.Null(book.YesAsk);
    }

    [Fact]
    public async Task OrderBook_SeqGap_AsksForASnapshotAndHidesTheBookUntilItArrives()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        await harness.SubscribeBookAsync(Fed, 2);
        await harness.Connection.SendAsync(FedSnapshot);
        await harness.Connection.SendAsync(Delta(2, 3, "yes", "0.0800", "-100.00"));
        await BookAsync(harness, b => b.YesBids[^1].Size.Contracts == 200m);

        await harness.Connection.SendAsync(Delta(2, 5, "yes", "0.0800", "-50.00"));
        var request = await harness.Connection.NextCommandAsync();

        Assert.Equal("""{"id":2,"cmd":"update_subscription","params":{"sids":[2],"market_tickers":["FED-23DEC-T3.00"],"action":"get_snapshot"}}""", request.ToJsonString());
        Assert.False(harness.Client.TryGetBook(Fed, out _));
        var invalidated = await harness.WaitForAsync<BookInvalidated>();
        Assert.Equal(Fed, invalidated.MarketTicker);
        Assert.Contains("expected 4, got 5", invalidated.Reason, StringComparison.Ordinal);

        // Deltas still flowing before the snapshot are not applied to a book nobody is shown.
        await harness.Connection.SendAsync(Delta(2, 6, "yes", "0.0800", "-10.00"));
        await harness.Connection.SendAsync("""{"id":2,"sid":2,"seq":7,"type":"ok","msg":{"market_tickers":["FED-23DEC-T3.00"]}}""");
        await harness.Connection.SendAsync("""{"type":"orderbook_snapshot","sid":2,"seq":8,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"m","yes_dollars_fp":[["0.0800","140.00"]],"no_dollars_fp":[["0.9000","7.00"]]}}""");
        var rebuilt = await BookAsync(harness, b => b.YesBids.Count == 1);
        Assert.Equal([Level("0.08", "140")], rebuilt.YesBids);
        Assert.Equal([Level("0.90", "7")], rebuilt.NoBids);

        await harness.Connection.SendAsync(Delta(2, 9, "yes", "0.0800", "-40.00"));
        var after = await BookAsync(harness, b => b.YesBids[0].Size.Contracts == 100m);
        Assert.Equal(0.10m, after.YesAsk!.Value.Dollars);
    }

    [Fact]
    public async Task OrderBook_DeltaBeforeAnySnapshot_AsksForASnapshot()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        await harness.SubscribeBookAsync(Fed, 2);

        await harness.Connection.SendAsync(Delta(2, 1, "yes", "0.5000", "10.00"));
        var request = await harness.Connection.NextCommandAsync();

        Assert.Equal("""{"id":2,"cmd":"update_subscription","params":{"sids":[2],"market_tickers":["FED-23DEC-T3.00"],"action":"get_snapshot"}}""", request.ToJsonString());
        Assert.False(harness.Client.TryGetBook(Fed, out _));
    }

    [Fact]
    public async Task OrderBook_DeltaDrivingALevelNegative_IsCorruptAndResyncs()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        await harness.SubscribeBookAsync(Fed, 2);
        await harness.Connection.SendAsync(FedSnapshot);
        await BookAsync(harness, _ => true);

        await harness.Connection.SendAsync(Delta(2, 3, "no", "0.5400", "-21.00"));
        var request = await harness.Connection.NextCommandAsync();

        Assert.Equal("get_snapshot", (string?)request["params"]!["action"]);
        Assert.False(harness.Client.TryGetBook(Fed, out _));
        Assert.Contains("negative", (await harness.WaitForAsync<BookInvalidated>()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_ServerClosesTheSocket_ReconnectsResubscribesAndRebuildsTheBook()
    {
        using var rsa = RSA.Create(2048);
        using var signer = KalshiRequestSigner.FromPem("key-ws-2", rsa.ExportPkcs8PrivateKeyPem());
        await using var harness = await WebSocketHarness.StartAsync(signer);
        var subscription = await harness.SubscribeBookAsync(Fed, 2);
        await harness.Connection.SendAsync(FedSnapshot);
        await BookAsync(harness, _ => true);

        await harness.Connection.CloseAsync();
        var second = await harness.Server.NextConnectionAsync();
        var resubscribe = await second.ConfirmSubscribeAsync(7);

        Assert.Equal("""{"id":1,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["FED-23DEC-T3.00"],"use_yes_price":false}}""", resubscribe.ToJsonString());
        await Eventually.Until(() => subscription.Sid == 7, Wait, "the subscription should carry the new sid");
        Assert.False(harness.Client.TryGetBook(Fed, out _));
        var lost = await harness.WaitForAsync<ConnectionChanged>(c => !c.Connected);
        Assert.Contains("server restarting", lost.Reason, StringComparison.Ordinal);
        Assert.True((await harness.WaitForAsync<ConnectionChanged>(c => c.Connected && c.ConnectionNumber == 2)).Connected);

        await second.SendAsync("""{"type":"orderbook_snapshot","sid":7,"seq":1,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"m","no_dollars_fp":[["0.6100","9.00"]]}}""");
        var rebuilt = await BookAsync(harness, b => b.YesBids.Count == 0);
        Assert.Equal([Level("0.61", "9")], rebuilt.NoBids);
        Assert.Equal(0.39m, rebuilt.YesAsk!.Value.Dollars);

        var upgrades = harness.Server.Upgrades;
        Assert.Equal(2, upgrades.Count);
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes($"{upgrades[1].Timestamp}GET/trade-api/ws/v2"), Convert.FromBase64String(upgrades[1].Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    [Fact]
    public async Task Error17_OnALiveSubscription_UnsubscribesResubscribesAndRebuilds()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        var subscription = await harness.SubscribeBookAsync(Fed, 2);
        await harness.Connection.SendAsync(FedSnapshot);
        await BookAsync(harness, _ => true);

        await harness.Connection.SendAsync("""{"type":"error","sid":2,"msg":{"code":17,"msg":"Internal error"}}""");
        var unsubscribe = await harness.Connection.ExpectAsync("unsubscribe");
        Assert.Equal("""{"id":2,"cmd":"unsubscribe","params":{"sids":[2]}}""", unsubscribe.ToJsonString());
        Assert.False(harness.Client.TryGetBook(Fed, out _));
        await harness.Connection.SendAsync("""{"id":2,"sid":2,"seq":3,"type":"unsubscribed"}""");
        var resubscribe = await harness.Connection.ConfirmSubscribeAsync(3);

        Assert.Equal("""{"id":3,"cmd":"subscribe","params":{"channels":["orderbook_delta"],"market_tickers":["FED-23DEC-T3.00"],"use_yes_price":false}}""", resubscribe.ToJsonString());
        await Eventually.Until(() => subscription.Sid == 3, Wait, "the subscription should carry the new sid");
        var error = await harness.WaitForAsync<StreamError>();
        Assert.Equal((17, "Internal error", 2L, true), (error.Code, error.Message, error.Sid!.Value, error.Resubscribing));

        await harness.Connection.SendAsync("""{"type":"orderbook_snapshot","sid":3,"seq":1,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"m","yes_dollars_fp":[["0.4000","1.00"]]}}""");
        Assert.Equal([Level("0.40", "1")], (await BookAsync(harness, b => b.YesBids.Count == 1)).YesBids);
    }

    [Fact]
    public async Task Error17_AnsweringTheSubscribe_RetriesTheSubscribeAfterBackoff()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        var subscribing = harness.Client.SubscribeAsync([KalshiChannels.Ticker]);
        var first = await harness.Connection.ExpectAsync("subscribe");
        await harness.Connection.SendAsync($$$"""{"id":{{{(int)first["id"]!}}},"type":"error","msg":{"code":17,"msg":"Internal error"}}""");
        var retry = await harness.Connection.ConfirmSubscribeAsync(5);

        Assert.Equal("""{"id":2,"cmd":"subscribe","params":{"channels":["ticker"]}}""", retry.ToJsonString());
        Assert.Equal(5, Assert.Single(await subscribing).Sid);
    }

    [Fact]
    public async Task SubscribeAsync_NonTerminalError_ThrowsWithKalshisCodeAndKeepsNothing()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        var subscribing = harness.Client.SubscribeAsync([KalshiChannels.OrderbookDelta], ["NOPE-1"]);
        await harness.Connection.ExpectAsync("subscribe");
        await harness.Connection.SendAsync("""{"id":1,"type":"error","msg":{"code":16,"msg":"Market not found","market_ticker":"NOPE-1"}}""");
        var ex = await Assert.ThrowsAsync<KalshiWebSocketException>(() => subscribing);

        Assert.Equal(16, ex.Code);
        Assert.Empty(harness.Client.Subscriptions);
        var error = await harness.WaitForAsync<StreamError>();
        Assert.Equal((1, 16, "Market not found", "NOPE-1", false), (error.CommandId!.Value, error.Code, error.Message, error.MarketTicker, error.Resubscribing));
    }

    [Fact]
    public async Task UnsolicitedError_IsReportedWithCodeAndText()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""{"id":99,"type":"error","msg":{"code":27,"msg":"Too many requests"}}""");
        var error = await harness.WaitForAsync<StreamError>();

        Assert.Equal((99, 27, "Too many requests", false), (error.CommandId!.Value, error.Code, error.Message, error.Resubscribing));
    }

    [Fact]
    public async Task Ticker_NotesExample_ParsesEveryField()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""
            {"type":"ticker","sid":11,"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1","price_dollars":"0.480","yes_bid_dollars":"0.450",
              "yes_ask_dollars":"0.530","volume_fp":"33896.00","open_interest_fp":"20422.00","dollar_volume":16948,"dollar_open_interest":10211,
              "yes_bid_size_fp":"300.00","yes_ask_size_fp":"150.00","last_trade_size_fp":"25.00","ts":1669149841,"ts_ms":1669149841000,"time":"2022-11-22T20:44:01Z","Clock":123}}
            """);
        var ticker = await harness.WaitForAsync<TickerUpdate>();

        Assert.Equal(11, ticker.Sid);
        Assert.Equal(Fed, ticker.MarketTicker);
        Assert.Equal("9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1", ticker.MarketId);
        Assert.Equal((0.48m, 0.45m, 0.53m), (ticker.LastPrice.Dollars, ticker.YesBid.Dollars, ticker.YesAsk.Dollars));
        Assert.Equal((300m, 150m, 25m), (ticker.YesBidSize.Contracts, ticker.YesAskSize.Contracts, ticker.LastTradeSize.Contracts));
        Assert.Equal((33896m, 20422m), (ticker.Volume.Contracts, ticker.OpenInterest.Contracts));
        Assert.Equal((16948L, 10211L), (ticker.DollarVolume, ticker.DollarOpenInterest));
        Assert.Equal(new DateTimeOffset(2022, 11, 22, 20, 44, 1, TimeSpan.Zero), ticker.ExchangeTime);
    }

    [Fact]
    public async Task Trade_NotesExample_ParsesEveryField()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""
            {"type":"trade","sid":11,"msg":{"trade_id":"d91bc706-ee49-470d-82d8-11418bda6fed","market_ticker":"HIGHNY-22DEC23-B53.5","yes_price_dollars":"0.360",
              "no_price_dollars":"0.640","count_fp":"136.00","taker_side":"no","taker_outcome_side":"no","taker_book_side":"ask","ts":1669149841,"ts_ms":1669149841000}}
            """);
        var trade = await harness.WaitForAsync<TradePrint>();

        Assert.Equal("d91bc706-ee49-470d-82d8-11418bda6fed", trade.TradeId);
        Assert.Equal("HIGHNY-22DEC23-B53.5", trade.MarketTicker);
        Assert.Equal((0.36m, 0.64m, 136m), (trade.YesPrice.Dollars, trade.NoPrice.Dollars, trade.Count.Contracts));
        Assert.Equal(Side.No, trade.TakerOutcomeSide);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1669149841000), trade.ExchangeTime);
    }

    [Fact]
    public async Task Fill_NotesExample_ParsesEveryField()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""
            {"type":"fill","sid":13,"msg":{"trade_id":"d91bc706-ee49-470d-82d8-11418bda6fed","order_id":"ee587a1c-8b87-4dcf-b721-9f6f790619fa","market_ticker":"HIGHNY-22DEC23-B53.5",
              "is_taker":true,"side":"yes","action":"buy","outcome_side":"yes","book_side":"bid","yes_price_dollars":"0.750","count_fp":"278.00",
              "fee_cost":"0.0400","post_position_fp":"500.00","purchased_side":"yes","client_order_id":"desk-42","subaccount":3,"ts":1671899397,"ts_ms":1671899397000}}
            """);
        var fill = await harness.WaitForAsync<FillUpdate>();

        Assert.Equal((13L, "d91bc706-ee49-470d-82d8-11418bda6fed", "ee587a1c-8b87-4dcf-b721-9f6f790619fa", "HIGHNY-22DEC23-B53.5"), (fill.Sid, fill.TradeId, fill.OrderId, fill.MarketTicker));
        Assert.True(fill.IsTaker);
        Assert.Equal((Side.Yes, "buy"), (fill.OutcomeSide, fill.Action));
        Assert.Equal((0.75m, 278m, 0.04m, 500m), (fill.YesPrice.Dollars, fill.Count.Contracts, fill.Fee.Dollars, fill.PostPosition));
        Assert.Equal(("desk-42", 3), (fill.ClientOrderId, fill.Subaccount!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1671899397000), fill.ExchangeTime);
    }

    [Fact]
    public async Task UserOrder_NotesExample_ParsesEveryField()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""
            {"type":"user_order","sid":22,"msg":{"order_id":"ee587a1c-8b87-4dcf-b721-9f6f790619fa","user_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","ticker":"FED-23DEC-T3.00","status":"resting","side":"yes","is_yes":true,
              "outcome_side":"yes","book_side":"bid","yes_price_dollars":"0.3500","fill_count_fp":"0.00","remaining_count_fp":"10.00","initial_count_fp":"10.00",
              "taker_fill_cost_dollars":"0.0000","maker_fill_cost_dollars":"0.0000","taker_fees_dollars":"0.0000","maker_fees_dollars":"0.0000",
              "client_order_id":"my-order-1","order_group_id":"og_123","self_trade_prevention_type":"taker_at_cross","created_ts_ms":1733047200000,"expiration_ts_ms":1733050800000,"subaccount_number":0}}
            """);
        var order = await harness.WaitForAsync<UserOrderUpdate>();

        Assert.Equal(("ee587a1c-8b87-4dcf-b721-9f6f790619fa", Fed, "resting", Side.Yes), (order.OrderId, order.MarketTicker, order.Status, order.OutcomeSide));
        Assert.Equal(0.35m, order.YesPrice.Dollars);
        Assert.Equal((0m, 10m, 10m), (order.FilledCount.Contracts, order.RemainingCount.Contracts, order.InitialCount.Contracts));
        Assert.Equal((0m, 0m, 0m, 0m), (order.TakerFillCost.Dollars, order.MakerFillCost.Dollars, order.TakerFees.Dollars, order.MakerFees.Dollars));
        Assert.Equal(("my-order-1", "og_123", 0), (order.ClientOrderId, order.OrderGroupId, order.Subaccount!.Value));
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 10, 0, 0, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 11, 0, 0, TimeSpan.Zero), order.ExpiresAt);
        Assert.Null(order.LastUpdatedAt);
    }

    [Fact]
    public async Task Lifecycle_CreatedDeterminedSettledDeactivated_ParseTheirOwnFields()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("""
            {"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"created","exchange_index":0,"open_ts":1694635200,
              "close_ts":1694721600,"price_level_structure":"linear_cent","additional_metadata":{"name":"S&P 500 daily return on Sep 14","title":"S&P 500 closes up by 0.02% or more",
              "yes_sub_title":"S&P 500 closes up 0.02%+","no_sub_title":"S&P 500 closes up <0.02%","rules_primary":"…","rules_secondary":"","can_close_early":true,
              "event_ticker":"INXD-23SEP14","expected_expiration_ts":1694721600,"strike_type":"greater","floor_strike":4487}}}
            """);
        await harness.Connection.SendAsync("""{"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"deactivated","is_deactivated":true}}""");
        await harness.Connection.SendAsync("""{"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"close_date_updated","close_ts":1694718000}}""");
        await harness.Connection.SendAsync("""{"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"determined","result":"yes","determination_ts":1694722000,"settlement_value":"1.0000"}}""");
        await harness.Connection.SendAsync("""{"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"settled","settled_ts":1694725600}}""");
        await harness.Connection.SendAsync("""{"type":"market_lifecycle_v2","sid":13,"msg":{"market_ticker":"INXD-23SEP14-B4487","event_type":"brand_new_thing"}}""");

        var created = await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.Created);
        Assert.Equal(("INXD-23SEP14-B4487", "INXD-23SEP14", "S&P 500 closes up by 0.02% or more", "linear_cent"), (created.MarketTicker, created.EventTicker, created.Title, created.PriceLevelStructure));
        Assert.Equal((DateTimeOffset.FromUnixTimeSeconds(1694635200), DateTimeOffset.FromUnixTimeSeconds(1694721600)), (created.OpenTime!.Value, created.CloseTime!.Value));
        Assert.True((await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.Deactivated)).IsDeactivated);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694718000), (await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.CloseDateUpdated)).CloseTime);
        var determined = await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.Determined);
        Assert.Equal(("yes", 1.0m, DateTimeOffset.FromUnixTimeSeconds(1694722000)), (determined.Result, determined.SettlementValue!.Value.Dollars, determined.DeterminedAt!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694725600), (await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.Settled)).SettledAt);
        Assert.Equal("brand_new_thing", (await harness.WaitForAsync<LifecycleEvent>(e => e.EventType == MarketLifecycleEventType.Other)).EventTypeName);
    }

    [Fact]
    public async Task MalformedFrames_AreReportedAndTheConnectionSurvives()
    {
        await using var harness = await WebSocketHarness.StartAsync();

        await harness.Connection.SendAsync("{\"type\":\"ticker\",\"sid\":");
        await harness.Connection.SendAsync("""{"type":"trade","sid":11,"msg":{"trade_id":"t","market_ticker":"M-1","yes_price_dollars":"1.500","no_price_dollars":"0.1","count_fp":"1.00","taker_side":"no","ts_ms":1}}""");
        await harness.Connection.SendAsync("""{"type":"trade","sid":11,"msg":{"trade_id":"t2","market_ticker":"M-1","yes_price_dollars":"0.500","no_price_dollars":"0.500","count_fp":"2.00","taker_side":"yes","ts_ms":1}}""");

        var trade = await harness.WaitForAsync<TradePrint>();
        Assert.Equal(("t2", 2m), (trade.TradeId, trade.Count.Contracts));
        var malformed = harness.Seen.OfType<MalformedFrame>().ToList();
        Assert.Equal(2, malformed.Count);
        Assert.Equal("{\"type\":\"ticker\",\"sid\":", malformed[0].Text);
        Assert.StartsWith("not JSON", malformed[0].Problem, StringComparison.Ordinal);
        Assert.Contains("yes_price_dollars", malformed[1].Problem, StringComparison.Ordinal);
        Assert.True(harness.Client.IsConnected);
        Assert.Single(harness.Server.Upgrades);
    }

    [Fact]
    public async Task UpdateSubscriptionAsync_AddMarkets_SendsTheCommandAndTracksTheMarkets()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        var subscription = await harness.SubscribeBookAsync(Fed, 2);

        var updating = harness.Client.UpdateSubscriptionAsync(subscription, SubscriptionUpdate.AddMarkets, ["CPI-22DEC-TN0.1"]);
        var command = await harness.Connection.ExpectAsync("update_subscription");
        await harness.Connection.SendAsync("""{"id":2,"sid":2,"seq":1,"type":"ok","msg":{"market_tickers":["FED-23DEC-T3.00","CPI-22DEC-TN0.1"]}}""");
        await updating;

        Assert.Equal("""{"id":2,"cmd":"update_subscription","params":{"sids":[2],"market_tickers":["CPI-22DEC-TN0.1"],"action":"add_markets"}}""", command.ToJsonString());
        Assert.Equal([Fed, "CPI-22DEC-TN0.1"], subscription.MarketTickers);
    }

    [Fact]
    public async Task UnsubscribeAsync_SendsTheSidsAndWaitsForUnsubscribed()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        var subscription = await harness.SubscribeBookAsync(Fed, 2);
        await harness.Connection.SendAsync(FedSnapshot);
        await BookAsync(harness, _ => true);

        var unsubscribing = harness.Client.UnsubscribeAsync([subscription]);
        var command = await harness.Connection.ExpectAsync("unsubscribe");
        await harness.Connection.SendAsync("""{"id":2,"sid":2,"seq":3,"type":"unsubscribed"}""");
        await unsubscribing;

        Assert.Equal("""{"id":2,"cmd":"unsubscribe","params":{"sids":[2]}}""", command.ToJsonString());
        Assert.Empty(harness.Client.Subscriptions);
        Assert.False(harness.Client.TryGetBook(Fed, out _));
        Assert.Null(subscription.Sid);
    }

    [Fact]
    public async Task SubscribeAsync_Cancelled_ThrowsAndLeavesNoSubscription()
    {
        await using var harness = await WebSocketHarness.StartAsync();
        using var cancel = new CancellationTokenSource();

        var subscribing = harness.Client.SubscribeAsync([KalshiChannels.Fill], ct: cancel.Token);
        await harness.Connection.ExpectAsync("subscribe");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscribing);
        Assert.Empty(harness.Client.Subscriptions);
    }

    [Fact]
    public async Task DisposeAsync_ClosesPolitelyAndCompletesTheMessages()
    {
        var harness = await WebSocketHarness.StartAsync();
        var connection = harness.Connection;

        await harness.DisposeAsync();

        Assert.True(harness.Client.Messages.Completion.IsCompleted);
        Assert.Null(await CommandOrNullAsync(connection));
        Assert.False(harness.Client.IsConnected);
    }

    private static async Task<JsonObject?> CommandOrNullAsync(ScriptedConnection connection)
    {
        try
        {
            return await connection.NextCommandAsync();
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            return null;
        }
    }

    private static async Task<OrderBook> BookAsync(WebSocketHarness harness, Func<OrderBook, bool> ready)
    {
        OrderBook? book = null;
        await Eventually.Until(() => harness.Client.TryGetBook(Fed, out book) && ready(book), Wait, "the book should reach the expected state");
        return book!;
    }

    private static string Delta(long sid, long seq, string side, string price, string delta) =>
        $$$"""{"type":"orderbook_delta","sid":{{{sid}}},"seq":{{{seq}}},"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"m","price_dollars":"{{{price}}}","delta_fp":"{{{delta}}}","side":"{{{side}}}","ts_ms":1669149841000}}""";

    private static BookLevel Level(string price, string size) => new(Price.Parse(price), Quantity.Parse(size));
}
