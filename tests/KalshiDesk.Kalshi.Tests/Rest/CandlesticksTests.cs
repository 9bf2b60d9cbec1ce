using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class CandlesticksTests
{
    private const string Base = "/trade-api/v2/";
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1790000000);
    private static readonly DateTimeOffset End = DateTimeOffset.FromUnixTimeSeconds(1790465880);

    [Fact]
    public async Task GetCandlesticksAsync_SpecExample_MapsOhlcMeanPreviousVolumeAndInterest()
    {
        var handler = new RecordedHandler().On(
            Base + "series/KXBTC/markets/KXBTC-26SEP26-T100000/candlesticks?start_ts=1790000000&end_ts=1790465880&period_interval=60",
            RecordedHandler.Fixture("candlesticks.json"));

        var candles = await handler.Client().GetCandlesticksAsync("KXBTC", "KXBTC-26SEP26-T100000", Start, End, 60);

        Assert.Equal(2, candles.Count);
        var c = candles[0];
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 22, 38, 0, TimeSpan.Zero), c.End);
        Assert.Equal(new TradePrices(P("0.1100"), P("0.1200"), P("0.0690"), P("0.0700"), P("0.0846"), P("0.1000")), c.Price);
        Assert.True(c.Price.HasTrades);
        Assert.Equal(new QuoteOhlc(P("0.1000"), P("0.1000"), P("0.0690"), P("0.0690")), c.YesBid);
        Assert.Equal(new QuoteOhlc(P("0.1100"), P("0.1200"), P("0.0700"), P("0.0700")), c.YesAsk);
        Assert.Equal(128792.42m, c.Volume.Contracts);
        Assert.Equal(425751.35m, c.OpenInterest.Contracts);
    }

    [Fact]
    public async Task GetCandlesticksAsync_PeriodWithoutTrades_HasOnlyThePreviousPrice()
    {
        var handler = new RecordedHandler().On(
            Base + "series/KXBTC/markets/KXBTC-26SEP26-T100000/candlesticks?start_ts=1790000000&end_ts=1790465880&period_interval=1",
            RecordedHandler.Fixture("candlesticks.json"));

        var quiet = (await handler.Client().GetCandlesticksAsync("KXBTC", "KXBTC-26SEP26-T100000", Start, End, 1))[1];

        Assert.Equal(new TradePrices(null, null, null, null, null, P("0.0700")), quiet.Price);
        Assert.False(quiet.Price.HasTrades);
        Assert.Equal(Quantity.Zero, quiet.Volume);
        Assert.Equal(P("0.0600"), quiet.YesBid.Close);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1441)]
    public async Task GetCandlesticksAsync_UnsupportedPeriod_IsRejected(int period)
    {
        var handler = new RecordedHandler();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => handler.Client().GetCandlesticksAsync("S", "S-1", Start, End, period));

        Assert.Equal("periodMinutes", ex.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetCandlesticksAsync_BidOutOfRange_NamesTheFieldAndMarket()
    {
        var json = RecordedHandler.Fixture("candlesticks.json").Replace("\"close_dollars\":\"0.0690\"", "\"close_dollars\":\"-0.0690\"", StringComparison.Ordinal);
        var handler = new RecordedHandler().On(
            Base + "series/KXBTC/markets/KXBTC-26SEP26-T100000/candlesticks?start_ts=1790000000&end_ts=1790465880&period_interval=1440", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetCandlesticksAsync("KXBTC", "KXBTC-26SEP26-T100000", Start, End, 1440));

        Assert.Equal("yes_bid.close_dollars", ex.Field);
        Assert.Equal("KXBTC-26SEP26-T100000", ex.Ticker);
    }

    [Fact]
    public async Task GetBatchCandlesticksAsync_TwoMarkets_SendsCommaTickersAndGroupsByMarket()
    {
        const string candle = """{"end_period_ts":1790462280,"open_interest_fp":"10.00","volume_fp":"2.00","price":{"open_dollars":"0.5000","high_dollars":"0.5000","low_dollars":"0.5000","close_dollars":"0.5000","mean_dollars":"0.5000","previous_dollars":"0.4900"},"yes_ask":{"open_dollars":"0.5100","high_dollars":"0.5100","low_dollars":"0.5100","close_dollars":"0.5100"},"yes_bid":{"open_dollars":"0.4900","high_dollars":"0.4900","low_dollars":"0.4900","close_dollars":"0.4900"}}""";
        var json = $$"""{"markets":[{"market_ticker":"M-A","candlesticks":[{{candle}}]},{"market_ticker":"M-B","candlesticks":[]}]}""";
        var handler = new RecordedHandler().On(Base + "markets/candlesticks?market_tickers=M-A%2CM-B&start_ts=1790000000&end_ts=1790465880&period_interval=60", json);

        var byMarket = await handler.Client().GetBatchCandlesticksAsync(["M-A", "M-B"], Start, End, 60);

        Assert.Equal(P("0.5000"), byMarket["M-A"].Single().Price.Close);
        Assert.Equal(2m, byMarket["M-A"].Single().Volume.Contracts);
        Assert.Empty(byMarket["M-B"]);
    }

    [Fact]
    public async Task GetBatchCandlesticksAsync_101Tickers_IsRejectedNamingTheLimit()
    {
        var tickers = Enumerable.Range(0, 101).Select(i => $"M-{i}").ToList();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new RecordedHandler().Client().GetBatchCandlesticksAsync(tickers, Start, End, 60));

        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
    }

    private static Price P(string dollars) => Price.Parse(dollars);
}
