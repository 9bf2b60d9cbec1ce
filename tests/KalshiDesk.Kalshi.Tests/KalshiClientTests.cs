using System.Net;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Tests;

public class KalshiClientTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetMarketAsync_RealCapturedMarket_MapsEveryPriceAndCountExactly()
    {
        var handler = new RecordedHandler().On(Base + "markets/KXSPACEXSTARSHIP-12-26MAY19", RecordedHandler.Fixture("market-starship.json"));

        var market = await handler.Client().GetMarketAsync("KXSPACEXSTARSHIP-12-26MAY19");

        Assert.Equal("KXSPACEXSTARSHIP-12-26MAY19", market.Ticker);
        Assert.Equal("KXSPACEXSTARSHIP-12", market.EventTicker);
        Assert.Equal("KXSPACEXSTARSHIP", market.SeriesTicker);
        Assert.Equal(MarketStatus.Active, market.Status);
        Assert.Equal(0.60m, market.YesBid!.Value.Dollars);
        Assert.Equal(0.67m, market.YesAsk!.Value.Dollars);
        Assert.Equal(0.60m, market.LastPrice!.Value.Dollars);
        Assert.Equal(4918.41m, market.Volume.Contracts);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 3, 59, 0, TimeSpan.Zero), market.CloseTime);
        Assert.True(market.FractionalTrading);
        Assert.Equal(0.07m, market.Spread);
        Assert.Equal(MarketResult.None, market.Result);
        Assert.Null(market.SettledAt);
    }

    [Theory]
    [InlineData("yes", MarketResult.Yes)]
    [InlineData("no", MarketResult.No)]
    [InlineData("scalar", MarketResult.Scalar)]
    [InlineData("", MarketResult.None)]
    public async Task GetMarketAsync_SettledMarket_MapsResultAndSettlementTime(string result, MarketResult expected)
    {
        var handler = new RecordedHandler().On(
            Base + "markets/M-1",
            $$$"""{"market":{"ticker":"M-1","event_ticker":"E-1","status":"finalized","close_time":"2026-11-24T15:00:00Z","result":"{{{result}}}","settlement_value_dollars":"1.0000","settlement_ts":"2026-11-24T15:06:00Z"}}""");

        var market = await handler.Client().GetMarketAsync("M-1");

        Assert.Equal(expected, market.Result);
        Assert.Equal(MarketStatus.Finalized, market.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 6, 0, TimeSpan.Zero), market.SettledAt);
        Assert.Equal(1m, market.SettlementValue!.Value.Dollars);
    }

    [Fact]
    public async Task GetMarketAsync_ScalarSettlement_MapsWhatAYesContractPaid()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", """{"market":{"ticker":"M-1","event_ticker":"E-1","status":"finalized","close_time":"2026-11-24T15:00:00Z","result":"scalar","settlement_value_dollars":"0.3725"}}""");

        var market = await handler.Client().GetMarketAsync("M-1");

        Assert.Equal((MarketResult.Scalar, 0.3725m), (market.Result, market.SettlementValue!.Value.Dollars));
    }

    [Theory]
    [InlineData("1.5000")]
    [InlineData("-0.1000")]
    [InlineData("half")]
    public async Task GetMarketAsync_SettlementValueOutOfRange_IsRefusedNamingTheField(string value)
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", $$$"""{"market":{"ticker":"M-1","event_ticker":"E-1","status":"finalized","close_time":"2026-11-24T15:00:00Z","result":"scalar","settlement_value_dollars":"{{{value}}}"}}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetMarketAsync("M-1"));

        Assert.Equal($"Kalshi field 'settlement_value_dollars' of market M-1: '{value}' is not a dollar amount between 0 and 1", ex.Message);
    }

    [Fact]
    public async Task GetMarketAsync_UnknownResult_IsRefused()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", """{"market":{"ticker":"M-1","event_ticker":"E-1","status":"finalized","close_time":"2026-12-01T00:00:00Z","result":"maybe"}}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetMarketAsync("M-1"));

        Assert.Equal("Kalshi field 'result' of market M-1: unknown value 'maybe' (yes, no, scalar or empty)", ex.Message);
    }

    [Fact]
    public async Task GetMarketsAsync_FollowsTheCursorUntilEmpty()
    {
        static string Page(string ticker, string cursor) =>
            $$"""{"markets":[{"ticker":"{{ticker}}","event_ticker":"EV-1","status":"active","yes_bid_dollars":"0.4000","yes_ask_dollars":"0.4200","last_price_dollars":"0.4100","volume_fp":"10.00","close_time":"2026-12-01T00:00:00Z"}],"cursor":"{{cursor}}"}""";
        var handler = new RecordedHandler()
            .On(Base + "markets?limit=1&status=open", Page("EV-1-A", "c1"))
            .On(Base + "markets?limit=1&status=open&cursor=c1", Page("EV-1-B", "c2"))
            .On(Base + "markets?limit=1&status=open&cursor=c2", Page("EV-1-C", ""));

        var tickers = new List<string>();
        await foreach (var market in handler.Client().GetMarketsAsync(new MarketQuery("open", PageSize: 1)))
        {
            tickers.Add(market.Ticker);
        }

        Assert.Equal(["EV-1-A", "EV-1-B", "EV-1-C"], tickers);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task GetMarketsAsync_StrikeLadder_MapsStrikeTypeAndFloorStrike()
    {
        const string page = """{"markets":[{"ticker":"KXHIGHNY-26NOV24-T60","event_ticker":"KXHIGHNY-26NOV24","status":"active","yes_bid_dollars":"0.4000","yes_ask_dollars":"0.4200","volume_fp":"10.00","close_time":"2026-12-01T00:00:00Z","strike_type":"greater","floor_strike":60.5},{"ticker":"KXFED-26DEC-H0","event_ticker":"KXFED-26DEC","status":"active","volume_fp":"0.00","close_time":"2026-12-01T00:00:00Z","strike_type":""}],"cursor":""}""";
        var handler = new RecordedHandler().On(Base + "markets?limit=1000&status=open", page);

        var markets = new List<MarketSnapshot>();
        await foreach (var market in handler.Client().GetMarketsAsync(new MarketQuery("open")))
        {
            markets.Add(market);
        }

        Assert.Equal(("greater", 60.5m), (markets[0].StrikeType, markets[0].FloorStrike));
        Assert.Equal((null, null), (markets[1].StrikeType, markets[1].FloorStrike));
    }

    [Fact]
    public async Task GetMarketsAsync_RepeatedCursor_StopsWithAClearError()
    {
        const string page = """{"markets":[],"cursor":"same"}""";
        var handler = new RecordedHandler().On(Base + "markets?limit=1000&status=open", page).On(Base + "markets?limit=1000&status=open&cursor=same", page);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(async () =>
        {
            await foreach (var unused in handler.Client().GetMarketsAsync(new MarketQuery()))
            {
            }
        });

        Assert.Contains("returned cursor 'same' twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMarketsAsync_EmptySideSentinels_BecomeNoQuote()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", """{"market":{"ticker":"M-1","event_ticker":"E-1","status":"active","yes_bid_dollars":"0.0000","yes_ask_dollars":"1.0000","last_price_dollars":"0.0000","volume_fp":"0.00","close_time":"2026-12-01T00:00:00Z"}}""");

        var market = await handler.Client().GetMarketAsync("M-1");

        Assert.Null(market.YesBid);
        Assert.Null(market.YesAsk);
        Assert.Null(market.LastPrice);
    }

    [Theory]
    [InlineData("yes_bid_dollars", "\"1.5000\"")]
    [InlineData("yes_bid_dollars", "\"abc\"")]
    [InlineData("volume_fp", "\"1.234\"")]
    public async Task GetMarketAsync_ValueOutOfRange_NamesTheFieldAndTheMarket(string field, string value)
    {
        var json = """{"market":{"ticker":"M-BAD","event_ticker":"E-1","status":"active","yes_bid_dollars":"0.4000","yes_ask_dollars":"0.4200","volume_fp":"1.00","close_time":"2026-12-01T00:00:00Z"}}""";
        json = json.Replace($"\"{field}\":\"{(field == "volume_fp" ? "1.00" : "0.4000")}\"", $"\"{field}\":{value}", StringComparison.Ordinal);
        var handler = new RecordedHandler().On(Base + "markets/M-BAD", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetMarketAsync("M-BAD"));

        Assert.Equal(field, ex.Field);
        Assert.Equal("M-BAD", ex.Ticker);
    }

    [Fact]
    public async Task GetMarketAsync_UnknownStatus_IsRefused()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", """{"market":{"ticker":"M-1","event_ticker":"E-1","status":"melted","close_time":"2026-12-01T00:00:00Z"}}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetMarketAsync("M-1"));

        Assert.Equal("Kalshi field 'status' of market M-1: unknown value 'melted'", ex.Message);
    }

    [Fact]
    public async Task GetMarketAsync_TruncatedJson_IsAClearDataError()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1", """{"market":{"ticker":"M-1","event_tic""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetMarketAsync("M-1"));

        Assert.Contains("malformed JSON from markets/M-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrderBookAsync_DocumentedExample_DerivesTheAsk()
    {
        var handler = new RecordedHandler().On(Base + "markets/M-1/orderbook", RecordedHandler.Fixture("orderbook.json"));

        var book = await handler.Client().GetOrderBookAsync("M-1");

        Assert.Equal(0.42m, book.BestYesBid!.Value.Dollars);
        Assert.Equal(0.44m, book.YesAsk!.Value.Dollars);
        Assert.Equal(17m, book.AsksFor(Side.Yes).First().Size.Contracts);
    }

    [Fact]
    public async Task GetSeriesAsync_MapsFeeTypeAndMultiplier()
    {
        var handler = new RecordedHandler().On(Base + "series/INX", """{"series":{"ticker":"INX","title":"S&P 500","category":"Financials","fee_type":"quadratic_with_maker_fees","fee_multiplier":0.5,"frequency":"daily","tags":[]}}""");

        var series = await handler.Client().GetSeriesAsync("INX");

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.5m), series.Fees);
        Assert.Equal("Financials", series.Category);
    }

    [Theory]
    [InlineData("""{"error":{"code":"too_many_requests","message":"too many requests"}}""", "too_many_requests", "too many requests")]
    [InlineData("""{"error":"too many requests"}""", "too_many_requests", "too many requests")]
    [InlineData("<html>bad gateway</html>", "429", "<html>bad gateway</html>")]
    public async Task Errors_BothKalshiForms_AreParsed(string body, string code, string message)
    {
        var handler = new RecordedHandler().On(Base + "exchange/status", body, HttpStatusCode.TooManyRequests);

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => handler.Client().GetExchangeStatusAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal(code, ex.Code);
        Assert.EndsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrderAsync_BuyNo_SendsAV2AskAtTheYesPrice()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders", """{"order_id":"ord-1","client_order_id":"kd-1","fill_count":"10.00","remaining_count":"0.00","average_fill_price":"0.4700","average_fee_paid":"0.0175","ts_ms":1715793600123}""", HttpStatusCode.Created);

        var ack = await handler.Client().CreateOrderAsync(new OrderRequest("M-1", "kd-1", Side.No, Price.Parse("0.53"), Quantity.Of(10), TimeInForce.ImmediateOrCancel));

        using var sent = JsonDocument.Parse(handler.Bodies.Single()!);
        Assert.Equal("ask", sent.RootElement.GetProperty("side").GetString());
        Assert.Equal("0.4700", sent.RootElement.GetProperty("price").GetString());
        Assert.Equal("10.00", sent.RootElement.GetProperty("count").GetString());
        Assert.Equal("immediate_or_cancel", sent.RootElement.GetProperty("time_in_force").GetString());
        Assert.Equal("kd-1", sent.RootElement.GetProperty("client_order_id").GetString());
        Assert.Equal(10m, ack.Filled.Contracts);
        Assert.Equal(0.47m, ack.AverageFillPrice!.Value.Dollars);
    }

    [Fact]
    public async Task CreateOrderAsync_DuplicateClientOrderId_SurfacesKalshis409()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/events/orders", """{"error":{"code":"order_already_exists","message":"order with this client_order_id already exists"}}""", HttpStatusCode.Conflict);

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => handler.Client().CreateOrderAsync(new OrderRequest("M-1", "kd-1", Side.Yes, Price.Parse("0.53"), Quantity.Of(1), TimeInForce.ImmediateOrCancel)));

        Assert.Equal(HttpStatusCode.Conflict, ex.Status);
        Assert.Equal("order_already_exists", ex.Code);
    }
}
