using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class MarketsTests
{
    private const string Base = "/trade-api/v2/";

    private const string Market = """{"ticker":"KXHIGHNY-26NOV24-T60","event_ticker":"KXHIGHNY-26NOV24","status":"finalized","yes_bid_dollars":"0.0000","yes_ask_dollars":"1.0000","last_price_dollars":"0.9900","volume_fp":"15230.25","close_time":"2026-11-25T04:59:00Z","result":"yes","settlement_value_dollars":"1.0000"}""";

    [Fact]
    public async Task GetMarketsAsync_MarketFilter_SendsEveryFilterAsUnixSecondsAndCommaTickers()
    {
        var filter = new MarketFilter(
            Status: "settled",
            SeriesTicker: "KXHIGHNY",
            Tickers: ["KXHIGHNY-26NOV24-T60", "KXHIGHNY-26NOV24-B58"],
            MinSettledTime: new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero),
            MaxSettledTime: new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero),
            Multivariate: MultivariateFilter.Exclude,
            PageSize: 500);
        var handler = new RecordedHandler().On(
            Base + "markets?limit=500&status=settled&series_ticker=KXHIGHNY&tickers=KXHIGHNY-26NOV24-T60%2CKXHIGHNY-26NOV24-B58&min_settled_ts=1788220800&max_settled_ts=1788307200&mve_filter=exclude",
            $$"""{"markets":[{{Market}}],"cursor":""}""");

        var markets = await handler.Client().GetMarketsAsync(filter).ToListAsync();

        var market = Assert.Single(markets);
        Assert.Equal("KXHIGHNY-26NOV24-T60", market.Ticker);
        Assert.Equal(0.99m, market.LastPrice!.Value.Dollars);
    }

    [Fact]
    public async Task GetMarketsAsync_CloseAndCreatedFilters_SendsBothCloseBoundsThenPages()
    {
        var filter = new MarketFilter(
            MinCloseTime: DateTimeOffset.FromUnixTimeSeconds(1790000000),
            MaxCloseTime: DateTimeOffset.FromUnixTimeSeconds(1790462280),
            Multivariate: MultivariateFilter.Only,
            PageSize: 1);
        var handler = new RecordedHandler()
            .On(Base + "markets?limit=1&min_close_ts=1790000000&max_close_ts=1790462280&mve_filter=only", $$"""{"markets":[{{Market}}],"cursor":"n"}""")
            .On(Base + "markets?limit=1&min_close_ts=1790000000&max_close_ts=1790462280&mve_filter=only&cursor=n", """{"markets":[],"cursor":""}""");

        var markets = await handler.Client().GetMarketsAsync(filter).ToListAsync();

        Assert.Single(markets);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void GetMarketsAsync_TwoTimestampFamilies_IsRejectedBeforeSending()
    {
        var handler = new RecordedHandler();
        var filter = new MarketFilter(MinCloseTime: DateTimeOffset.UnixEpoch, MinCreatedTime: DateTimeOffset.UnixEpoch);

        var ex = Assert.Throws<ArgumentException>(() => handler.Client().GetMarketsAsync(filter));

        Assert.Contains("one timestamp family", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetOrderBooksAsync_TwoTickers_RepeatsTheParameterAndKeysBooksByTicker()
    {
        const string json = """
            {"orderbooks":[
              {"ticker":"M-A","orderbook_fp":{"yes_dollars":[["0.0100","200.00"],["0.4200","13.00"]],"no_dollars":[["0.5600","17.00"]]}},
              {"ticker":"M-B","orderbook_fp":{"yes_dollars":[],"no_dollars":[["0.3000","2.50"]]},"sequence":991}]}
            """;
        var handler = new RecordedHandler().On(Base + "markets/orderbooks?tickers=M-A&tickers=M-B", json);

        var books = await handler.Client().GetOrderBooksAsync(["M-A", "M-B"]);

        Assert.Equal(0.42m, books["M-A"].BestYesBid!.Value.Dollars);
        Assert.Equal(0.44m, books["M-A"].YesAsk!.Value.Dollars);
        Assert.Null(books["M-B"].BestYesBid);
        Assert.Equal(2.50m, books["M-B"].NoBids.Single().Size.Contracts);
    }

    [Fact]
    public async Task GetOrderBooksAsync_101Tickers_IsRejectedNamingTheLimit()
    {
        var handler = new RecordedHandler();
        var tickers = Enumerable.Range(0, 101).Select(i => $"M-{i}").ToList();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => handler.Client().GetOrderBooksAsync(tickers));

        Assert.Equal("tickers", ex.ParamName);
        Assert.Contains("1 to 100 tickers", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetOrderBooksAsync_NoTickers_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new RecordedHandler().Client().GetOrderBooksAsync([]));
    }

    [Fact]
    public async Task GetTradesAsync_ThreePages_MapsTheTapeAndSendsTheTimeWindow()
    {
        const string trade1 = """{"count_fp":"8.94","created_time":"2026-09-26T22:52:42.728645Z","is_block_trade":false,"no_price_dollars":"0.2300","taker_book_side":"bid","taker_outcome_side":"yes","taker_side":"yes","ticker":"KXBTC15M-26SEP261900-00","trade_id":"0723a045-55c1-a478-de4a-642a5deee757","yes_price_dollars":"0.7700"}""";
        const string trade2 = """{"count_fp":"1.00","created_time":"2026-09-26T22:50:00Z","is_block_trade":true,"no_price_dollars":"0.2500","taker_book_side":"ask","taker_outcome_side":"no","ticker":"KXBTC15M-26SEP261900-00","trade_id":"t-2","yes_price_dollars":"0.7500","venue":"rfq"}""";
        const string trade3 = """{"count_fp":"3.00","created_time":"2026-09-26T22:49:00Z","no_price_dollars":"0.2600","taker_side":"no","ticker":"KXBTC15M-26SEP261900-00","trade_id":"t-3","yes_price_dollars":"0.7400"}""";
        const string query = "markets/trades?limit=1000&ticker=KXBTC15M-26SEP261900-00&min_ts=1790000000&max_ts=1790462280";
        var handler = new RecordedHandler()
            .On(Base + query, $$"""{"trades":[{{trade1}}],"cursor":"a"}""")
            .On(Base + query + "&cursor=a", $$"""{"trades":[{{trade2}}],"cursor":"b"}""")
            .On(Base + query + "&cursor=b", $$"""{"trades":[{{trade3}}],"cursor":""}""");

        var trades = await handler.Client()
            .GetTradesAsync("KXBTC15M-26SEP261900-00", DateTimeOffset.FromUnixTimeSeconds(1790000000), DateTimeOffset.FromUnixTimeSeconds(1790462280))
            .ToListAsync();

        Assert.Equal(3, trades.Count);
        Assert.Equal(
            new PublicTrade(
                "0723a045-55c1-a478-de4a-642a5deee757",
                "KXBTC15M-26SEP261900-00",
                Quantity.Of(8.94m),
                Price.FromDollars(0.77m),
                Price.FromDollars(0.23m),
                Side.Yes,
                BookSide.Bid,
                new DateTimeOffset(2026, 9, 26, 22, 52, 42, TimeSpan.Zero).AddTicks(7286450),
                false),
            trades[0]);
        Assert.Equal((Side.No, BookSide.Ask, true), (trades[1].TakerSide, trades[1].TakerBookSide, trades[1].IsBlockTrade));

        // Pre-May-2026 trades carry only taker_side.
        Assert.Equal((Side.No, BookSide.Ask), (trades[2].TakerSide, trades[2].TakerBookSide));
    }

    [Fact]
    public async Task GetTradesAsync_PriceAboveOneDollar_NamesTheFieldAndMarket()
    {
        const string json = """{"trades":[{"count_fp":"1.00","created_time":"2026-09-26T22:49:00Z","no_price_dollars":"0.2600","taker_outcome_side":"no","taker_book_side":"ask","ticker":"M-BAD","trade_id":"t-3","yes_price_dollars":"1.7400"}],"cursor":""}""";
        var handler = new RecordedHandler().On(Base + "markets/trades?limit=1000", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetTradesAsync().ToListAsync());

        Assert.Equal("yes_price_dollars", ex.Field);
        Assert.Equal("M-BAD", ex.Ticker);
    }
}
