using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class SeriesTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetSeriesListAsync_Category_SendsTheFilterAndMapsFees()
    {
        const string json = """
            {"series":[
              {"ticker":"KXHIGHNY","frequency":"daily","title":"Highest temperature in NYC","category":"Climate and Weather",
               "tags":["Weather"],"settlement_sources":[{"name":"NWS","url":"https://www.weather.gov/"}],"contract_url":"https://kalshi.com/c.pdf",
               "contract_terms_url":"https://kalshi.com/t.pdf","fee_type":"quadratic","fee_multiplier":1,"additional_prohibitions":[],
               "volume_fp":"1000.00","last_updated_ts":"2026-11-01T00:00:00Z","exchange_index":0},
              {"ticker":"KXHIGHCHI","frequency":"daily","title":"Highest temperature in Chicago","category":"Climate and Weather",
               "tags":null,"settlement_sources":null,"contract_url":"","contract_terms_url":"","fee_type":"quadratic_with_maker_fees",
               "fee_multiplier":0.5,"additional_prohibitions":null,"surprise":true}]}
            """;
        var handler = new RecordedHandler().On(Base + "series?category=Climate%20and%20Weather", json);

        var series = await handler.Client().GetSeriesListAsync("Climate and Weather");

        Assert.Equal(2, series.Count);
        Assert.Equal(new SeriesInfo("KXHIGHNY", "Highest temperature in NYC", "Climate and Weather", FeeSchedule.Standard), series[0]);
        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.5m), series[1].Fees);
    }

    [Fact]
    public async Task GetSeriesFeeChangesAsync_ShowHistorical_MapsScheduledChanges()
    {
        const string json = """
            {"series_fee_change_arr":[
              {"id":"sfc-1","series_ticker":"KXHIGHNY","fee_type":"quadratic_with_maker_fees","fee_multiplier":0.75,"scheduled_ts":"2026-12-01T05:00:00Z","reason":"promo"},
              {"id":"sfc-2","series_ticker":"KXHIGHNY","fee_type":"flat","fee_multiplier":1,"scheduled_ts":"2027-01-01T05:00:00Z"}]}
            """;
        var handler = new RecordedHandler().On(Base + "series/fee_changes?series_ticker=KXHIGHNY&show_historical=true", json);

        var changes = await handler.Client().GetSeriesFeeChangesAsync("KXHIGHNY", showHistorical: true);

        Assert.Equal(2, changes.Count);
        Assert.Equal("sfc-1", changes[0].Id);
        Assert.Equal("KXHIGHNY", changes[0].SeriesTicker);
        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.75m), changes[0].Fees);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero), changes[0].ScheduledAt);
        Assert.Equal(new FeeSchedule(FeeType.Flat, 1m), changes[1].Fees);
    }

    [Fact]
    public async Task GetSeriesFeeChangesAsync_UnknownFeeType_NamesTheFieldAndSeries()
    {
        const string json = """{"series_fee_change_arr":[{"id":"sfc-1","series_ticker":"KXHIGHNY","fee_type":"cubic","fee_multiplier":1,"scheduled_ts":"2026-12-01T05:00:00Z"}]}""";
        var handler = new RecordedHandler().On(Base + "series/fee_changes", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetSeriesFeeChangesAsync());

        Assert.Equal("fee_type", ex.Field);
        Assert.Contains("series KXHIGHNY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEventFeeChangesAsync_TwoPages_FollowsTheCursorAndMapsClearedOverrides()
    {
        const string page1 = """
            {"event_fee_changes":[{"id":"efc-1","event_ticker":"KXHIGHNY-26NOV24","series_ticker":"KXHIGHNY","fee_type_override":"quadratic","fee_multiplier_override":0.25,"scheduled_ts":"2026-11-24T05:00:00Z"}],"cursor":"c2"}
            """;
        const string page2 = """
            {"event_fee_changes":[{"id":"efc-2","event_ticker":"KXHIGHNY-26NOV25","series_ticker":"KXHIGHNY","fee_type_override":null,"fee_multiplier_override":null,"scheduled_ts":"2026-11-25T05:00:00Z"}],"cursor":""}
            """;
        var handler = new RecordedHandler()
            .On(Base + "events/fee_changes?limit=1000&event_ticker=KXHIGHNY-26NOV24", page1)
            .On(Base + "events/fee_changes?limit=1000&event_ticker=KXHIGHNY-26NOV24&cursor=c2", page2);

        var changes = await handler.Client().GetEventFeeChangesAsync("KXHIGHNY-26NOV24").ToListAsync();

        Assert.Equal(2, changes.Count);
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 0.25m), changes[0].Override);
        Assert.Equal("KXHIGHNY", changes[0].SeriesTicker);
        Assert.Null(changes[1].Override);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero), changes[1].ScheduledAt);
        Assert.Equal(2, handler.Requests.Count);
    }
}
