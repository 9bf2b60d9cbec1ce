using System.Runtime.CompilerServices;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class KalshiJsonRecordingTests
{
    private const string Nov20 = "KXHIGHNY-26NOV20";

    private static readonly DateTimeOffset WeatherClose = new(2026, 11, 21, 4, 59, 0, TimeSpan.Zero);

    // A market list with one market closing 2026-11-21T04:59Z, used by the error cases.
    private const string OneMarket = """
        {"markets":[{"ticker":"KXHIGHNY-26NOV20-B52.5","event_ticker":"KXHIGHNY-26NOV20","market_type":"binary",
          "close_time":"2026-11-21T04:59:00Z","settlement_ts":"2026-11-21T14:31:07Z","result":"yes","status":"finalized"}],"cursor":""}
        """;

    internal static string SampleFolder([CallerFilePath] string here = "")
    {
        // The test's own source file locates the repository wherever the build puts its output; the working folder is the fallback.
        foreach (var start in (string?[])[Path.GetDirectoryName(here), Environment.CurrentDirectory])
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KalshiDesk.sln")))
                {
                    return Path.Combine(dir.FullName, "samples", "backtest", "kalshi-json");
                }
            }
        }

        throw new InvalidOperationException("The repository root (KalshiDesk.sln) was not found.");
    }

    private static KalshiJsonRecording Sample() => KalshiJsonRecording.Read(SampleFolder());

    private static BacktestMarket Market(KalshiJsonRecording recording, string ticker) => recording.Data.Markets.Single(m => m.Ticker == ticker);

    private static DateTimeOffset Utc(int day, int hour, int minute = 0, int second = 0) => new(2026, 11, day, hour, minute, second, TimeSpan.Zero);

    private static string Error(params (string Name, string Json)[] files) =>
        Assert.Throws<ForecastInputException>(() => KalshiJsonRecording.Parse(files, "rec")).Message;

    private static string Candles(string candles) => $$"""{"ticker":"KXHIGHNY-26NOV20-B52.5","candlesticks":[{{candles}}]}""";

    private static string Candle(long end, string bid = "0.4000", string ask = "0.4300") =>
        $$"""{"end_period_ts":{{end}},"yes_bid":{"close_dollars":"{{bid}}"},"yes_ask":{"close_dollars":"{{ask}}"},"price":{},"volume_fp":"1.00","open_interest_fp":"1.00"}""";

    [Fact]
    public void Read_SampleFolder_ReplaysTheSettledMarketsAndLeavesOutTheOpenOne()
    {
        var recording = Sample();

        Assert.Equal(
            ["KXHIGHNY-26NOV20-B52.5", "KXHIGHNY-26NOV20-B54.5", "KXHIGHNY-26NOV20-T55", "KXNBAGAME-26NOV19BOSNYK-BOS"],
            recording.Data.Markets.Select(m => m.Ticker));
        Assert.Equal(new Dictionary<string, string> { ["KXHIGHNY-26NOV25-B48.5"] = "no result" }, recording.LeftOut);
        Assert.Equal(9, recording.Files.Count);
        Assert.Equal(2, recording.SkippedCandles);
        Assert.Equal(["KXNBAGAME-26NOV19BOSNYK-BOS"], recording.SeenThroughTrades);
        Assert.Equal(0, recording.DuplicateCandles + recording.DuplicateTrades);
        Assert.Equal(16, recording.Data.Updates);
        Assert.Equal(Utc(19, 23, 41, 10).AddTicks(2400670), recording.Data.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 31, 7, TimeSpan.Zero), recording.Data.End);
    }

    [Fact]
    public void Read_SampleFolder_TakesMetadataOutcomesCategoriesAndFees()
    {
        var recording = Sample();

        var b52 = Market(recording, "KXHIGHNY-26NOV20-B52.5");
        Assert.Equal((Nov20, "KXHIGHNY", "Will the high temp in NYC be 52-53° on Nov 20, 2026?"), (b52.EventTicker, b52.SeriesTicker, b52.Title));
        Assert.Equal("Climate and Weather", b52.Category);           // from the series response
        Assert.Equal(WeatherClose, b52.CloseTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 31, 7, TimeSpan.Zero), b52.SettledAt);
        Assert.True(b52.YesWon);
        Assert.Equal(FeeSchedule.Standard, b52.Fees);
        Assert.False(Market(recording, "KXHIGHNY-26NOV20-B54.5").YesWon);
        Assert.False(Market(recording, "KXHIGHNY-26NOV20-T55").YesWon);

        var nba = Market(recording, "KXNBAGAME-26NOV19BOSNYK-BOS");
        Assert.Equal(("KXNBAGAME-26NOV19BOSNYK", "KXNBAGAME", "KXNBAGAME"), (nba.EventTicker, nba.SeriesTicker, nba.Category));   // no series saved
        Assert.Equal((Utc(20, 3, 5), Utc(20, 3, 20)), (nba.CloseTime, nba.SettledAt));
        Assert.True(nba.YesWon);
    }

    [Fact]
    public void Read_LiveCandles_ObservesEachQuotedCandleAtItsEndWithTheClosingQuote()
    {
        var b52 = Market(Sample(), "KXHIGHNY-26NOV20-B52.5");

        // The 05:00 candle has no bid (0.0000) and is skipped; its volume (0) still counts.
        Assert.Equal(
            [
                (Utc(20, 13), 0.31m, 0.34m, 0.33m, 120.00m),
                (Utc(20, 14), 0.35m, 0.38m, 0.37m, 205.50m),
                (Utc(20, 15), 0.42m, 0.44m, 0.44m, 415.50m),
                (Utc(20, 16), 0.49m, 0.51m, 0.50m, 757.75m),
            ],
            b52.Observations.Select(o => (o.At, o.YesBid.Dollars, o.YesAsk.Dollars, o.LastPrice!.Value.Dollars, o.Volume.Contracts)));
    }

    [Fact]
    public void Read_HistoricalCandles_ReadsTheUnsuffixedKeysAndFallsBackToThePreviousPrice()
    {
        var b54 = Market(Sample(), "KXHIGHNY-26NOV20-B54.5");

        Assert.Equal(
            [
                (Utc(20, 13), 0.40m, 0.43m, 0.41m, 64.00m),
                (Utc(20, 14), 0.38m, 0.41m, 0.41m, 76.00m),
                (Utc(20, 15), 0.30m, 0.33m, 0.32m, 306.00m),
                (Utc(20, 16), 0.22m, 0.25m, 0.22m, 484.50m),
                (Utc(20, 17), 0.20m, 0.24m, 0.22m, 484.50m),   // no trade in the hour: price.close is null, previous is 0.22
            ],
            b54.Observations.Select(o => (o.At, o.YesBid.Dollars, o.YesAsk.Dollars, o.LastPrice!.Value.Dollars, o.Volume.Contracts)));
    }

    [Fact]
    public void Read_BatchCandles_SkipsTheCandleWithNoBid()
    {
        var t55 = Market(Sample(), "KXHIGHNY-26NOV20-T55");

        Assert.Equal(
            [(Utc(20, 14), 0.12m, 0.15m), (Utc(20, 15), 0.09m, 0.11m), (Utc(20, 16), 0.06m, 0.08m)],
            t55.Observations.Select(o => (o.At, o.YesBid.Dollars, o.YesAsk.Dollars)));
        Assert.Empty(t55.Trades);
    }

    [Fact]
    public void Read_Trades_PutsEachTradeOnItsMarketOldestFirst()
    {
        var recording = Sample();

        Assert.Equal(
            [
                (Utc(20, 13, 22, 5).AddTicks(7713940), 0.34m, 25.00m, Side.Yes),
                (Utc(20, 14, 47, 31).AddTicks(6625400), 0.37m, 10.00m, Side.No),
                (Utc(20, 15, 58, 2).AddTicks(3051170), 0.47m, 40.00m, Side.Yes),
            ],
            Market(recording, "KXHIGHNY-26NOV20-B52.5").Trades.Select(t => (t.ExecutedAt, t.YesPrice.Dollars, t.Count.Contracts, t.TakerSide)));
        Assert.All(Market(recording, "KXHIGHNY-26NOV20-B52.5").Trades, t => Assert.Equal("KXHIGHNY-26NOV20-B52.5", t.Ticker));
        Assert.Equal([0.41m, 0.22m], Market(recording, "KXHIGHNY-26NOV20-B54.5").Trades.Select(t => t.YesPrice.Dollars));
    }

    [Fact]
    public void Read_MarketWithTradesOnly_IsSeenAtEachTradeWithTheTakersSideAtTheTradePrice()
    {
        var nba = Market(Sample(), "KXNBAGAME-26NOV19BOSNYK-BOS");

        // A YES taker lifted the ask (bid a cent below); a NO taker hit the bid (ask a cent above).
        Assert.Equal(
            [
                (Utc(19, 23, 41, 10).AddTicks(2400670), 0.54m, 0.55m, 0.55m, 100.00m),
                (Utc(20, 0, 32, 58).AddTicks(9033160), 0.60m, 0.61m, 0.61m, 120.50m),
                (Utc(20, 1, 15, 3).AddTicks(5549020), 0.48m, 0.49m, 0.48m, 180.50m),
                (Utc(20, 2, 40, 19).AddTicks(1288450), 0.82m, 0.83m, 0.83m, 195.50m),
            ],
            nba.Observations.Select(o => (o.At, o.YesBid.Dollars, o.YesAsk.Dollars, o.LastPrice!.Value.Dollars, o.Volume.Contracts)));
        Assert.Equal(4, nba.Trades.Count);
    }

    [Fact]
    public async Task RunAsync_SampleFolder_ReplaysEveryObservation()
    {
        var data = KalshiJsonRecording.Load(SampleFolder());

        var result = await Backtester.RunAsync(data, new BacktestOptions { BootstrapSamples = 50 });

        Assert.Equal(16, result.Updates);
        Assert.Equal(4, result.Markets);
        Assert.Equal(SampleFolder(), result.Source);
        Assert.Equal(16, result.Funnel.Single(s => s.Stage == "scanned").Count);
    }

    [Fact]
    public void Parse_LegacyCentCandlesAndTrades_ReadsIntegerCentsAndCounts()
    {
        var candles = """
            {"ticker":"KXHIGHNY-26NOV20-B52.5","candlesticks":[
              {"end_period_ts":1795179600,"yes_bid":{"open":30,"low":29,"high":31,"close":31},"yes_ask":{"open":33,"low":32,"high":34,"close":34},
               "price":{"open":32,"low":31,"high":34,"close":33,"mean":32,"previous":30},"volume":120,"open_interest":1330}]}
            """;
        var trades = """
            {"trades":[{"trade_id":"t1","ticker":"KXHIGHNY-26NOV20-B52.5","price":0.36,"count":136,"yes_price":36,"no_price":64,
              "taker_side":"no","created_time":"2026-11-20T13:30:00Z"}],"cursor":""}
            """;

        var market = KalshiJsonRecording.Parse([("m.json", OneMarket), ("c.json", candles), ("t.json", trades)], "rec").Data.Markets.Single();

        var seen = Assert.Single(market.Observations);
        Assert.Equal((Utc(20, 13), 0.31m, 0.34m, 0.33m, 120m), (seen.At, seen.YesBid.Dollars, seen.YesAsk.Dollars, seen.LastPrice!.Value.Dollars, seen.Volume.Contracts));
        var trade = Assert.Single(market.Trades);
        Assert.Equal((0.36m, 136m, Side.No), (trade.YesPrice.Dollars, trade.Count.Contracts, trade.TakerSide));
    }

    [Fact]
    public void Parse_MarketWithOwnCategoryAndFees_KeepsThem()
    {
        var market = """
            {"market":{"ticker":"KXINXD-26NOV20-B6000","event_ticker":"KXINXD-26NOV20","close_time":"2026-11-20T21:00:00Z","result":"no",
              "category":"Financials","fee_type":"quadratic","fee_multiplier":0.5}}
            """;
        var candles = """{"ticker":"KXINXD-26NOV20-B6000","candlesticks":[{"end_period_ts":1795179600,"yes_bid":{"close_dollars":"0.2000"},"yes_ask":{"close_dollars":"0.2200"},"price":{},"volume_fp":"0.00","open_interest_fp":"0.00"}]}""";

        var read = KalshiJsonRecording.Parse([("m.json", market), ("c.json", candles)], "rec").Data.Markets.Single();

        Assert.Equal(("Financials", 0.5m, FeeType.Quadratic), (read.Category, read.Fees.Multiplier, read.Fees.Type));
        Assert.Equal(read.CloseTime, read.SettledAt);   // no settlement_ts: settles at its close
        Assert.Null(read.Observations[0].LastPrice);
    }

    [Fact]
    public void Parse_ScalarAndVoidResults_AreLeftOutAndCounted()
    {
        var markets = """
            {"markets":[
              {"ticker":"A-1-X","event_ticker":"A-1","close_time":"2026-11-21T00:00:00Z","result":"scalar"},
              {"ticker":"A-1-Y","event_ticker":"A-1","close_time":"2026-11-21T00:00:00Z","result":"void"},
              {"ticker":"A-1-Z","event_ticker":"A-1","close_time":"2026-11-21T00:00:00Z","result":"yes"}],"cursor":""}
            """;
        var candles = """
            {"markets":[
              {"market_ticker":"A-1-X","candlesticks":[{"end_period_ts":1795179600,"yes_bid":{"close_dollars":"0.2000"},"yes_ask":{"close_dollars":"0.2200"},"price":{},"volume_fp":"0.00","open_interest_fp":"0.00"}]},
              {"market_ticker":"A-1-Z","candlesticks":[{"end_period_ts":1795179600,"yes_bid":{"close_dollars":"0.7000"},"yes_ask":{"close_dollars":"0.7200"},"price":{},"volume_fp":"0.00","open_interest_fp":"0.00"}]}]}
            """;

        var recording = KalshiJsonRecording.Parse([("m.json", markets), ("c.json", candles)], "rec");

        Assert.Equal(["A-1-Z"], recording.Data.Markets.Select(m => m.Ticker));
        Assert.Equal(new Dictionary<string, string> { ["A-1-X"] = "result scalar", ["A-1-Y"] = "result void" }, recording.LeftOut);
        Assert.Equal("2 files, 1 markets, 1 observations; left out 2: A-1-X (result scalar), A-1-Y (result void)", recording.Summary());
    }

    [Fact]
    public void Parse_RepeatedCandlesAndTrades_KeepsTheFirst()
    {
        var trade = """{"trade_id":"t1","ticker":"KXHIGHNY-26NOV20-B52.5","count_fp":"1.00","yes_price_dollars":"0.4000","no_price_dollars":"0.6000","taker_outcome_side":"yes","taker_book_side":"bid","created_time":"2026-11-20T13:30:00Z","is_block_trade":false}""";
        var trades = $$"""{"trades":[{{trade}},{{trade}}],"cursor":""}""";

        var recording = KalshiJsonRecording.Parse(
            [("m.json", OneMarket), ("a.json", Candles(Candle(1795179600))), ("b.json", Candles(Candle(1795179600, "0.4100"))), ("t.json", trades)], "rec");

        Assert.Equal(0.40m, Assert.Single(recording.Data.Markets[0].Observations).YesBid.Dollars);
        Assert.Single(recording.Data.Markets[0].Trades);
        Assert.Equal((1, 1), (recording.DuplicateCandles, recording.DuplicateTrades));
    }

    [Fact]
    public void Parse_MalformedJson_NamesTheFileAndLine()
    {
        var message = Error(("data/candles/KXHIGHNY.json", "{\"ticker\":\"X\",\n \"candlesticks\": [1,}"));

        Assert.StartsWith("data/candles/KXHIGHNY.json: ", message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON at line 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CandleWithoutEndPeriod_NamesTheJsonPath()
    {
        var candles = Candles(string.Join(',', Candle(1795179600), Candle(1795183200), Candle(1795186800), """{"yes_bid":{"close_dollars":"0.4000"}}"""));

        var message = Error(("m.json", OneMarket), ("data/candles/KXHIGHNY.json", candles));

        Assert.Equal("data/candles/KXHIGHNY.json: $.candlesticks[3].end_period_ts: is missing", message);
    }

    [Fact]
    public void Parse_MarketWithoutCloseTime_NamesTheJsonPath()
    {
        var message = Error(("m.json", """{"markets":[{"ticker":"A-1-X","event_ticker":"A-1","result":"yes"}],"cursor":""}"""));

        Assert.Equal("m.json: $.markets[0].close_time: is missing", message);
    }

    [Fact]
    public void Parse_TradeWithoutTakerSide_NamesTheJsonPath()
    {
        var trades = """{"trades":[{"trade_id":"t1","ticker":"KXHIGHNY-26NOV20-B52.5","count_fp":"1.00","yes_price_dollars":"0.4000","created_time":"2026-11-20T13:30:00Z"}],"cursor":""}""";

        var message = Error(("m.json", OneMarket), ("t.json", trades));

        Assert.Equal("t.json: $.trades[0].taker_outcome_side: is missing (and so are taker_book_side and taker_side)", message);
    }

    [Fact]
    public void Parse_PriceAboveOneDollar_IsRefused()
    {
        var message = Error(("m.json", OneMarket), ("c.json", Candles(Candle(1795179600, ask: "1.2000"))));

        Assert.Equal("c.json: $.candlesticks[0].yes_ask.close_dollars: \"1.2000\" is not a price between 0 and 1 dollars", message);
    }

    [Fact]
    public void Parse_LegacyCentsAbove100_IsRefused()
    {
        var candles = """{"ticker":"KXHIGHNY-26NOV20-B52.5","candlesticks":[{"end_period_ts":1795179600,"yes_bid":{"close":40},"yes_ask":{"close":140}}]}""";

        var message = Error(("m.json", OneMarket), ("c.json", candles));

        Assert.Equal("c.json: $.candlesticks[0].yes_ask.close: 140 is not a price between 0 and 100 cents", message);
    }

    [Fact]
    public void Parse_CandleAfterTheClose_IsRefused()
    {
        var afterClose = WeatherClose.AddMinutes(1).ToUnixTimeSeconds();

        var message = Error(("m.json", OneMarket), ("c.json", Candles(Candle(1795179600) + "," + Candle(afterClose))));

        Assert.Equal("c.json: $.candlesticks[1].end_period_ts: 2026-11-21T05:00:00Z is after KXHIGHNY-26NOV20-B52.5 closed at 2026-11-21T04:59:00Z", message);
    }

    [Fact]
    public void Parse_TradeAfterTheClose_IsRefused()
    {
        var trades = """{"trades":[{"trade_id":"t1","ticker":"KXHIGHNY-26NOV20-B52.5","count_fp":"1.00","yes_price_dollars":"0.4000","taker_outcome_side":"yes","created_time":"2026-11-21T06:00:00Z"}],"cursor":""}""";

        var message = Error(("m.json", OneMarket), ("t.json", trades));

        Assert.Equal("t.json: $.trades[0].created_time: 2026-11-21T06:00:00Z is after KXHIGHNY-26NOV20-B52.5 closed at 2026-11-21T04:59:00Z", message);
    }

    [Fact]
    public void Parse_CrossedCandle_IsRefused()
    {
        var message = Error(("m.json", OneMarket), ("c.json", Candles(Candle(1795179600, bid: "0.5000", ask: "0.4500"))));

        Assert.Equal("c.json: $.candlesticks[0].yes_bid: the closing bid 0.5000 is above the closing ask 0.4500; a book cannot be crossed", message);
    }

    [Fact]
    public void Parse_CandleOfAnUndescribedMarket_IsRefused()
    {
        var candles = """{"markets":[{"market_ticker":"KXHIGHNY-26NOV20-T55","candlesticks":[{"end_period_ts":1795179600,"yes_bid":{"close_dollars":"0.1000"},"yes_ask":{"close_dollars":"0.1200"}}]}]}""";

        var message = Error(("m.json", OneMarket), ("batch.json", candles));

        Assert.Equal("batch.json: $.markets[0].candlesticks[0]: a candle of KXHIGHNY-26NOV20-T55, which no markets or market response describes", message);
    }

    [Fact]
    public void Parse_NoMarkets_IsRefused()
    {
        var message = Error(("t.json", """{"trades":[],"cursor":""}"""));

        Assert.Equal("rec: no market found in 1 JSON files; save a GET /markets or /historical/markets response (or GET /markets/{ticker}) with the candles and trades", message);
    }

    [Fact]
    public void Parse_EveryMarketLeftOut_IsRefused()
    {
        var message = Error(("m.json", OneMarket.Replace("\"result\":\"yes\"", "\"result\":\"\"", StringComparison.Ordinal)));

        Assert.Equal("rec: no market to replay: all 1 were left out (KXHIGHNY-26NOV20-B52.5: no result)", message);
    }

    [Fact]
    public void Parse_UnknownResponse_IsRefused()
    {
        var message = Error(("m.json", OneMarket), ("cutoff.json", """{"market_settled_ts":"2026-11-01T00:00:00Z"}"""));

        Assert.Equal("cutoff.json: $: is not a Kalshi markets, market, candlesticks, trades or series response (it has none of \"markets\", \"market\", \"candlesticks\", \"trades\", \"series\")", message);
    }

    [Fact]
    public void Parse_SameMarketToldDifferently_IsRefused()
    {
        var other = OneMarket.Replace("\"result\":\"yes\"", "\"result\":\"no\"", StringComparison.Ordinal);

        var message = Error(("a.json", OneMarket), ("b.json", other));

        Assert.Equal("b.json: $.markets[0]: describes KXHIGHNY-26NOV20-B52.5 differently from a.json: $.markets[0] (close_time, settlement_ts or result)", message);
    }
}
