using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class EventsTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetEventAsync_NestedMarkets_MapsEventAndAppliesTheFeeOverrideToItsMarkets()
    {
        var handler = new RecordedHandler().On(Base + "events/KXHIGHNY-26NOV24?with_nested_markets=true", RecordedHandler.Fixture("event-nested.json"));

        var evt = await handler.Client().GetEventAsync("KXHIGHNY-26NOV24", withNestedMarkets: true);

        Assert.Equal("KXHIGHNY-26NOV24", evt.EventTicker);
        Assert.Equal("KXHIGHNY", evt.SeriesTicker);
        Assert.Equal("Highest temperature in NYC on Nov 24, 2026?", evt.Title);
        Assert.Equal("On Nov 24, 2026", evt.SubTitle);
        Assert.True(evt.MutuallyExclusive);
        Assert.Equal("MECNET", evt.CollateralReturnType);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero), evt.StrikeDate);
        Assert.Null(evt.StrikePeriod);
        var fees = new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.5m);
        Assert.Equal(fees, evt.FeeOverride);
        Assert.Equal(2, evt.Markets.Count);
        var t60 = evt.Markets[0];
        Assert.Equal("KXHIGHNY-26NOV24-T60", t60.Ticker);
        Assert.Equal(MarketStatus.Active, t60.Status);
        Assert.Equal(0.56m, t60.YesBid!.Value.Dollars);
        Assert.Equal(0.58m, t60.YesAsk!.Value.Dollars);
        Assert.Equal(0.57m, t60.LastPrice!.Value.Dollars);
        Assert.Equal(15230.25m, t60.Volume.Contracts);
        Assert.Equal(fees, t60.Fees);
        Assert.Null(evt.Markets[1].YesBid);
        Assert.Null(evt.Markets[1].LastPrice);
    }

    [Fact]
    public async Task GetEventAsync_WithoutNestedMarkets_UsesTheTopLevelMarkets()
    {
        const string json = """
            {"event":{"event_ticker":"KXFED-26DEC","series_ticker":"KXFED","sub_title":"Dec 2026","title":"Fed decision","collateral_return_type":"",
              "mutually_exclusive":false,"available_on_brokers":false,"settlement_sources":[],"fee_type_override":null,"fee_multiplier_override":null},
             "markets":[{"ticker":"KXFED-26DEC-H0","event_ticker":"KXFED-26DEC","status":"initialized","yes_bid_dollars":"0.0000","yes_ask_dollars":"1.0000",
               "last_price_dollars":"0.0000","volume_fp":"0.00","close_time":"2026-12-16T19:00:00Z"}]}
            """;
        var handler = new RecordedHandler().On(Base + "events/KXFED-26DEC", json);

        var evt = await handler.Client().GetEventAsync("KXFED-26DEC", withNestedMarkets: false);

        Assert.False(evt.MutuallyExclusive);
        Assert.Null(evt.FeeOverride);
        var market = Assert.Single(evt.Markets);
        Assert.Equal(MarketStatus.Initialized, market.Status);
        Assert.Equal(FeeSchedule.Standard, market.Fees);
    }

    [Fact]
    public async Task GetEventsAsync_TwoPages_SendsFiltersAndFollowsTheCursor()
    {
        static string Page(string ticker, string cursor) =>
            $$"""{"events":[{"event_ticker":"{{ticker}}","series_ticker":"KXHIGHNY","sub_title":"","title":"{{ticker}}","collateral_return_type":"MECNET","mutually_exclusive":true,"available_on_brokers":true,"settlement_sources":[]}],"milestones":[],"cursor":"{{cursor}}"}""";
        var handler = new RecordedHandler()
            .On(Base + "events?limit=200&status=open&series_ticker=KXHIGHNY", Page("KXHIGHNY-26NOV24", "p2"))
            .On(Base + "events?limit=200&status=open&series_ticker=KXHIGHNY&cursor=p2", Page("KXHIGHNY-26NOV25", ""));

        var events = await handler.Client().GetEventsAsync("open", "KXHIGHNY").ToListAsync();

        Assert.Equal(["KXHIGHNY-26NOV24", "KXHIGHNY-26NOV25"], events.Select(e => e.EventTicker));
        Assert.All(events, e => Assert.Empty(e.Markets));
    }

    [Fact]
    public async Task GetEventsAsync_WithNestedMarkets_AsksForThem()
    {
        var handler = new RecordedHandler().On(Base + "events?limit=200&with_nested_markets=true", """{"events":[],"cursor":""}""");

        var events = await handler.Client().GetEventsAsync(withNestedMarkets: true).ToListAsync();

        Assert.Empty(events);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task GetEventAsync_MissingMutuallyExclusive_IsRefused()
    {
        var handler = new RecordedHandler().On(Base + "events/E-1?with_nested_markets=true", """{"event":{"event_ticker":"E-1","series_ticker":"E","title":"t"},"markets":[]}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetEventAsync("E-1"));

        Assert.Equal("mutually_exclusive", ex.Field);
        Assert.Contains("E-1", ex.Message, StringComparison.Ordinal);
    }
}
