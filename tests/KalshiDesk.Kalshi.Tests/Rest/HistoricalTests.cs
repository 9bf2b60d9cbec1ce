using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class HistoricalTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetHistoricalCutoffAsync_AllFields_MapsEveryCutoff()
    {
        const string json = """{"market_settled_ts":"2026-08-01T00:00:00Z","trades_created_ts":"2026-08-02T00:00:00Z","orders_updated_ts":"2026-08-03T00:00:00Z","market_positions_last_updated_ts":"2026-08-04T00:00:00Z","note":"x"}""";
        var handler = new RecordedHandler().On(Base + "historical/cutoff", json);

        var cutoff = await handler.Client().GetHistoricalCutoffAsync();

        Assert.Equal(
            new HistoricalCutoff(
                new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 8, 4, 0, 0, 0, TimeSpan.Zero)),
            cutoff);
    }

    [Fact]
    public async Task GetHistoricalCutoffAsync_OptionalPositionsCutoffAbsent_IsNull()
    {
        var handler = new RecordedHandler().On(Base + "historical/cutoff", """{"market_settled_ts":"2026-08-01T00:00:00Z","trades_created_ts":"2026-08-02T00:00:00Z","orders_updated_ts":"2026-08-03T00:00:00Z"}""");

        var cutoff = await handler.Client().GetHistoricalCutoffAsync();

        Assert.Null(cutoff.MarketPositionsLastUpdated);
    }

    [Fact]
    public async Task GetHistoricalMarketsAsync_TwoPages_FollowsTheCursor()
    {
        static string Page(string ticker, string cursor) =>
            $$"""{"markets":[{"ticker":"{{ticker}}","event_ticker":"KXBTC-25JAN01","status":"finalized","yes_bid_dollars":"0.0000","yes_ask_dollars":"1.0000","last_price_dollars":"0.0200","volume_fp":"99.00","close_time":"2025-01-01T05:00:00Z","result":"no"}],"cursor":"{{cursor}}"}""";
        var handler = new RecordedHandler()
            .On(Base + "historical/markets?limit=1000&series_ticker=KXBTC", Page("KXBTC-25JAN01-T1", "h2"))
            .On(Base + "historical/markets?limit=1000&series_ticker=KXBTC&cursor=h2", Page("KXBTC-25JAN01-T2", ""));

        var markets = await handler.Client().GetHistoricalMarketsAsync(seriesTicker: "KXBTC").ToListAsync();

        Assert.Equal(["KXBTC-25JAN01-T1", "KXBTC-25JAN01-T2"], markets.Select(m => m.Ticker));
        Assert.All(markets, m => Assert.Equal(MarketStatus.Finalized, m.Status));
        Assert.Equal(0.02m, markets[0].LastPrice!.Value.Dollars);
    }

    [Fact]
    public async Task GetHistoricalCandlesticksAsync_UnsuffixedKeys_MapLikeLiveCandles()
    {
        var handler = new RecordedHandler().On(
            Base + "historical/markets/KXBTC-25JAN01-T100000/candlesticks?start_ts=1790000000&end_ts=1790465880&period_interval=60",
            RecordedHandler.Fixture("historical-candlesticks.json"));

        var candles = await handler.Client().GetHistoricalCandlesticksAsync(
            "KXBTC-25JAN01-T100000", DateTimeOffset.FromUnixTimeSeconds(1790000000), DateTimeOffset.FromUnixTimeSeconds(1790465880), 60);

        Assert.Equal(2, candles.Count);
        var traded = candles[0];
        Assert.Equal(new TradePrices(P("0.4000"), P("0.4500"), P("0.3900"), P("0.4400"), P("0.4213"), P("0.3950")), traded.Price);
        Assert.Equal(new QuoteOhlc(P("0.3900"), P("0.4400"), P("0.3800"), P("0.4300")), traded.YesBid);
        Assert.Equal(new QuoteOhlc(P("0.4100"), P("0.4600"), P("0.4000"), P("0.4500")), traded.YesAsk);
        Assert.Equal(310.50m, traded.Volume.Contracts);
        Assert.Equal(1200m, traded.OpenInterest.Contracts);
        var quiet = candles[1];
        Assert.Equal(new TradePrices(null, null, null, null, null, P("0.4400")), quiet.Price);
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 23, 38, 0, TimeSpan.Zero), quiet.End);
    }

    [Fact]
    public async Task GetHistoricalCandlesticksAsync_MalformedVolume_NamesTheUnsuffixedField()
    {
        var json = RecordedHandler.Fixture("historical-candlesticks.json").Replace("\"310.50\"", "\"310.505\"", StringComparison.Ordinal);
        var handler = new RecordedHandler().On(Base + "historical/markets/KXBTC-25JAN01-T100000/candlesticks?start_ts=0&end_ts=60&period_interval=1", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetHistoricalCandlesticksAsync(
            "KXBTC-25JAN01-T100000", DateTimeOffset.UnixEpoch, DateTimeOffset.FromUnixTimeSeconds(60), 1));

        Assert.Equal("volume", ex.Field);
        Assert.Equal("KXBTC-25JAN01-T100000", ex.Ticker);
    }

    [Fact]
    public async Task GetHistoricalTradesAsync_TwoPages_FollowsTheCursor()
    {
        const string trade = """{"count_fp":"2.00","created_time":"2025-01-01T04:00:00Z","is_block_trade":false,"no_price_dollars":"0.9800","taker_book_side":"ask","taker_outcome_side":"no","ticker":"KXBTC-25JAN01-T1","trade_id":"ID","yes_price_dollars":"0.0200"}""";
        var handler = new RecordedHandler()
            .On(Base + "historical/trades?limit=1000&ticker=KXBTC-25JAN01-T1", $$"""{"trades":[{{trade.Replace("ID", "h-1", StringComparison.Ordinal)}}],"cursor":"z"}""")
            .On(Base + "historical/trades?limit=1000&ticker=KXBTC-25JAN01-T1&cursor=z", $$"""{"trades":[{{trade.Replace("ID", "h-2", StringComparison.Ordinal)}}],"cursor":""}""");

        var trades = await handler.Client().GetHistoricalTradesAsync("KXBTC-25JAN01-T1").ToListAsync();

        Assert.Equal(["h-1", "h-2"], trades.Select(t => t.TradeId));
        Assert.All(trades, t => Assert.Equal(Price.FromDollars(0.98m), t.NoPrice));
    }

    private static Price P(string dollars) => Price.Parse(dollars);
}
