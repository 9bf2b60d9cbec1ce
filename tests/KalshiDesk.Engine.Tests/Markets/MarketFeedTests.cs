using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Markets;

public class MarketFeedTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";
    private const string Event = "KXHIGHNY-26NOV24";
    private static readonly FeeSchedule HalfRate = new(FeeType.Quadratic, 0.5m);

    private static FakeExchange Exchange()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Build());
        exchange.Series["KXHIGHNY"] = new SeriesInfo("KXHIGHNY", "Highest temperature in NYC", "weather", HalfRate);
        return exchange;
    }

    private static EventInfo Open(FeeSchedule? feeOverride) =>
        new(Event, "KXHIGHNY", "NYC high", "Nov 24", false, string.Empty, null, null, feeOverride, []);

    [Fact]
    public async Task GetOpenMarketsAsync_NoOverride_CarriesTheSeriesSchedule()
    {
        var exchange = Exchange();
        exchange.Events.Add(Open(null));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var market = (await desk.Get<MarketFeed>().GetOpenMarketsAsync()).Single();

        Assert.Equal(HalfRate, market.Fees);
        Assert.Equal("weather", market.Category);
    }

    [Fact]
    public async Task GetOpenMarketsAsync_EventOverride_ReplacesTheSeriesSchedule()
    {
        var exchange = Exchange();
        exchange.Events.Add(Open(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m)));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var feed = desk.Get<MarketFeed>();

        var market = (await feed.GetOpenMarketsAsync()).Single();
        var one = await feed.GetMarketAsync(Ticker);

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m), market.Fees);
        Assert.Equal(market.Fees, one.Fees);
        Assert.Equal(0.44m, KalshiFeeModel.MakerFee(Price.Parse("0.50"), Quantity.Of(100), market.Fees).Dollars);
    }

    [Fact]
    public async Task GetMarketAsync_ScheduledOverride_AppliesFromItsTimeOn()
    {
        // MLB-style: half rate before the start, the standard rate from the scheduled time.
        var exchange = Exchange();
        exchange.Events.Add(Open(null));
        var at = EngineHarness.Start.AddMinutes(30);
        exchange.EventFeeChanges.Add(new EventFeeChange("efc-1", Event, "KXHIGHNY", FeeSchedule.Standard, at));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var feed = desk.Get<MarketFeed>();

        var before = (await feed.GetOpenMarketsAsync()).Single();
        desk.Time.SetUtcNow(at);
        var after = await feed.GetMarketAsync(Ticker);

        Assert.Equal(HalfRate, before.Fees);
        Assert.Equal(FeeSchedule.Standard, after.Fees);
    }

    [Fact]
    public async Task GetMarketAsync_ScheduledChangeClearingTheOverride_BringsTheSeriesScheduleBack()
    {
        var exchange = Exchange();
        exchange.Events.Add(Open(FeeSchedule.Standard));
        var at = EngineHarness.Start.AddMinutes(5);
        exchange.EventFeeChanges.Add(new EventFeeChange("efc-2", Event, "KXHIGHNY", null, at));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var feed = desk.Get<MarketFeed>();

        var before = (await feed.GetOpenMarketsAsync()).Single();
        desk.Time.SetUtcNow(at.AddSeconds(1));
        var after = await feed.GetMarketAsync(Ticker);

        Assert.Equal(FeeSchedule.Standard, before.Fees);
        Assert.Equal(HalfRate, after.Fees);
    }

    [Fact]
    public async Task GetOpenMarketsAsync_FeeChangesUnavailable_KeepsTheSweptOverride()
    {
        var exchange = Exchange();
        exchange.FeeChangesFailure = new KalshiApiException(System.Net.HttpStatusCode.ServiceUnavailable, "unavailable", "the exchange is busy", "events/fee_changes");
        exchange.Events.Add(Open(new FeeSchedule(FeeType.Flat, 0.25m)));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var market = (await desk.Get<MarketFeed>().GetOpenMarketsAsync()).Single();

        Assert.Equal(new FeeSchedule(FeeType.Flat, 0.25m), market.Fees);
    }

    [Fact]
    public async Task GetOpenMarketsAsync_ExchangeWithoutFeeChanges_KeepsTheSweptOverride()
    {
        // The Sandbox has no /events/fee_changes: Kalshi's client sees a 404 there.
        var exchange = Exchange();
        exchange.FeeChangesFailure = new KalshiApiException(System.Net.HttpStatusCode.NotFound, "not_found", "no such event", "events/fee_changes");
        exchange.Events.Add(Open(FeeSchedule.Standard));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var market = (await desk.Get<MarketFeed>().GetOpenMarketsAsync()).Single();

        Assert.Equal(FeeSchedule.Standard, market.Fees);
    }

    [Fact]
    public async Task GetOpenMarketsAsync_CentiCentRounding_IsCarriedOnEveryMarketsFees()
    {
        var exchange = Exchange();
        exchange.Events.Add(Open(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m)));
        await using var desk = await EngineHarness.WithFakeAsync(exchange, settings: new() { ["Trading:FeeRounding"] = "CentiCent" });

        var market = (await desk.Get<MarketFeed>().GetOpenMarketsAsync()).Single();

        Assert.Equal(FeeRounding.CentiCent, market.Fees.Rounding);
        Assert.Equal(FeeType.QuadraticWithMakerFees, market.Fees.Type);
        Assert.Equal(0.7623m, KalshiFeeModel.TakerFee(Price.Parse("0.55"), Quantity.Of(44), market.Fees).Dollars);
    }

    [Fact]
    public async Task FlowFor_ReadsTheTapeIntoEachSidesBidsOverTheLastHour()
    {
        await using var desk = await EngineHarness.WithFakeAsync(Exchange());
        var tape = desk.Get<TradeTape>();
        var now = EngineHarness.Start;
        tape.Add(new RecentTrade(Ticker, Price.Parse("0.53"), Quantity.Of(40), Side.No, now.AddMinutes(-10)));
        tape.Add(new RecentTrade(Ticker, Price.Parse("0.55"), Quantity.Of(12.5m), Side.Yes, now.AddMinutes(-5)));
        tape.Add(new RecentTrade(Ticker, Price.Parse("0.53"), Quantity.Of(20), Side.No, now.AddMinutes(-1)));
        tape.Add(new RecentTrade(Ticker, Price.Parse("0.52"), Quantity.Of(99), Side.No, now.AddMinutes(-61)));

        var flow = desk.Get<MarketFeed>().FlowFor(Ticker, now);

        Assert.Equal((60m, 12.5m), (flow.YesBidsHit.Contracts, flow.NoBidsHit.Contracts));
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)), (flow.Window, flow.Horizon));
        Assert.Equal(15m, flow.ExpectedHits(Side.Yes));
    }
}
