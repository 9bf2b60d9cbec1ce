using System.Text;
using KalshiDesk.Sandbox.WebSockets;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

public sealed class StreamCommandTests : IAsyncLifetime
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

    private string Open => _host.OpenTickers[0];

    [Fact]
    public async Task Connect_SignedWithTheDemoKey_IsAcceptedAndServes()
    {
        await using var signed = await StreamTestClient.ConnectAsync(_host.Server, _host.Signer.SignWebSocket, signed: false);

        var (sids, _) = await signed.SubscribeAsync(new { channels = new[] { "ticker" } });

        Assert.Equal([1L], sids);
    }

    [Fact]
    public async Task Subscribe_SeveralChannels_OneSubscribedEachWithItsOwnSidAndListSubscriptionsShowsThem()
    {
        var (sids, _) = await _client.SubscribeAsync(
            new { channels = new[] { "ticker", "trade", "fill", "user_orders", "market_lifecycle_v2" }, market_tickers = new[] { Open } }, channels: 5);
        var id = await _client.SendAsync("list_subscriptions");
        var list = await _client.ReceiveAsync();

        Assert.Equal([1L, 2L, 3L, 4L, 5L], sids);
        Assert.Equal(
            $$$"""{"id":{{{id}}},"type":"ok","msg":[{"channel":"ticker","sid":1},{"channel":"trade","sid":2},{"channel":"fill","sid":3},{"channel":"user_orders","sid":4},{"channel":"market_lifecycle_v2","sid":5}]}""",
            list.GetRawText());
    }

    [Fact]
    public async Task Frame_MalformedJson_Code1WithoutId()
    {
        await _client.SendTextAsync("{\"id\":1,\"cmd\":");
        var error = await _client.ReceiveAsync();

        Assert.Equal("""{"type":"error","msg":{"code":1,"msg":"Unable to process message"}}""", error.GetRawText());
    }

    [Fact]
    public async Task Frame_Binary_Code1()
    {
        await _client.SendBinaryAsync(Encoding.UTF8.GetBytes("""{"id":1,"cmd":"list_subscriptions"}"""));
        var error = await _client.ReceiveAsync();

        Assert.Equal(1, error.Msg().GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Subscribe_WithoutParams_Code2() =>
        Assert.Equal(StreamErrorCode.ParamsRequired, await _client.ErrorCodeAsync("subscribe"));

    [Fact]
    public async Task Subscribe_WithoutChannels_Code3() =>
        Assert.Equal(StreamErrorCode.ChannelsRequired, await _client.ErrorCodeAsync("subscribe", new { market_ticker = Open }));

    [Fact]
    public async Task Unsubscribe_WithoutSids_Code4() =>
        Assert.Equal(StreamErrorCode.SidsRequired, await _client.ErrorCodeAsync("unsubscribe", new { sids = Array.Empty<long>() }));

    [Fact]
    public async Task Command_Unknown_Code5() =>
        Assert.Equal(StreamErrorCode.UnknownCommand, await _client.ErrorCodeAsync("dance", new { }));

    [Fact]
    public async Task Subscribe_SameChannelAndMarketTwice_Code6()
    {
        await _client.SubscribeAsync(new { channels = new[] { "ticker" }, market_tickers = new[] { Open } });

        Assert.Equal(StreamErrorCode.AlreadySubscribed, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "ticker" } }));
        Assert.Equal(1, _host.Server.Streams.SubscriptionCount);
    }

    [Fact]
    public async Task Unsubscribe_UnknownSid_Code7() =>
        Assert.Equal(StreamErrorCode.UnknownSid, await _client.ErrorCodeAsync("unsubscribe", new { sids = new[] { 42 } }));

    [Fact]
    public async Task UpdateSubscription_UnknownSid_Code7() =>
        Assert.Equal(StreamErrorCode.UnknownSid, await _client.ErrorCodeAsync("update_subscription", new { sids = new[] { 42 }, market_tickers = new[] { Open }, action = "add_markets" }));

    [Fact]
    public async Task Subscribe_UnknownChannel_Code8AndNothingSubscribed()
    {
        Assert.Equal(StreamErrorCode.UnknownChannel, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "ticker", "weather_radar" } }));
        Assert.Equal(0, _host.Server.Streams.SubscriptionCount);
    }

    [Fact]
    public async Task Subscribe_BothTickerForms_Code11() =>
        Assert.Equal(StreamErrorCode.InvalidParameter, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "ticker" }, market_ticker = Open, market_tickers = new[] { Open } }));

    [Fact]
    public async Task Subscribe_UseYesPriceNotABoolean_Code11() =>
        Assert.Equal(StreamErrorCode.InvalidParameter, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "orderbook_delta" }, market_ticker = Open, use_yes_price = "yes" }));

    [Fact]
    public async Task UpdateSubscription_TwoSids_Code12() =>
        Assert.Equal(StreamErrorCode.ExactlyOneSid, await _client.ErrorCodeAsync("update_subscription", new { sids = new[] { 1, 2 }, market_tickers = new[] { Open }, action = "add_markets" }));

    [Fact]
    public async Task UpdateSubscription_UnknownAction_Code13()
    {
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "orderbook_delta" }, market_ticker = Open });

        Assert.Equal(StreamErrorCode.UnsupportedAction, await _client.ErrorCodeAsync("update_subscription", new { sids, market_tickers = new[] { Open }, action = "shuffle" }));
    }

    [Fact]
    public async Task UpdateSubscription_GetSnapshotOnTicker_Code13()
    {
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "ticker" }, market_ticker = Open });

        Assert.Equal(StreamErrorCode.UnsupportedAction, await _client.ErrorCodeAsync("update_subscription", new { sids, market_tickers = new[] { Open }, action = "get_snapshot" }));
    }

    [Fact]
    public async Task Subscribe_OrderBookWithoutMarkets_Code14() =>
        Assert.Equal(StreamErrorCode.MarketTickerRequired, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "orderbook_delta" } }));

    [Fact]
    public async Task UpdateSubscription_WithoutAction_Code15() =>
        Assert.Equal(StreamErrorCode.ActionRequired, await _client.ErrorCodeAsync("update_subscription", new { sids = new[] { 1 }, market_tickers = new[] { Open } }));

    [Fact]
    public async Task Subscribe_UnknownMarket_Code16() =>
        Assert.Equal(StreamErrorCode.MarketNotFound, await _client.ErrorCodeAsync("subscribe", new { channels = new[] { "orderbook_delta" }, market_tickers = new[] { Open, "KXNOPE-26DEC31-T1" } }));

    [Fact]
    public async Task Unsubscribe_KnownAndUnknownSids_KnownOneEndsAndTheUnknownIsCode7()
    {
        var (sids, _) = await _client.SubscribeAsync(new { channels = new[] { "trade" } });

        var id = await _client.SendAsync("unsubscribe", new { sids = new[] { sids[0], 99 } });
        var frames = await _client.DrainAsync();

        Assert.Equal($$$"""{"id":{{{id}}},"type":"unsubscribed","sid":{{{sids[0]}}},"seq":1}""", frames[0].GetRawText());
        Assert.Equal(("error", 7), (frames[1].Type(), frames[1].Msg().GetProperty("code").GetInt32()));
        Assert.Equal(0, _host.Server.Streams.SubscriptionCount);
    }
}
