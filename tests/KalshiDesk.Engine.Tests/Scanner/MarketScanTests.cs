using KalshiDesk.Engine.Scanner;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Scanner;

public class MarketScanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static ScannedMarket Row(string ticker, double? edge, string decision = "skipped", string? reason = "no edge: best is yes at -0.0200", string title = "A market", double? estimate = 0.5) =>
        new(ticker, "EV", title, "Weather", 0.50m, 0.52m, 0.51m, 0.51, estimate, "yes", edge, decision == "proposed" ? "proposed" : "priced", decision, decision == "proposed" ? null : reason, Now.AddHours(1));

    private static MarketScan Scan(params ScannedMarket[] rows)
    {
        var scan = new MarketScan();
        scan.Publish(Guid.CreateVersion7(Now), Now, rows);
        return scan;
    }

    [Fact]
    public void Query_Defaults_LargestEdgeFirstThenTickerWithTheTotal()
    {
        var scan = Scan(Row("C", 0.01), Row("A", 0.05, "proposed"), Row("B", 0.05), Row("D", null));

        var page = scan.Query(new MarketScanQuery());

        Assert.Equal(["A", "B", "C", "D"], page.Markets.Select(m => m.Ticker));
        Assert.Equal((4, Now), (page.Total, page.At!.Value));
    }

    [Fact]
    public void Query_SearchDecisionAndPage_FilterBeforeCountingAndPaging()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Row($"KXRAIN-{i:00}", i / 100d, i % 3 == 0 ? "proposed" : "skipped", title: i % 2 == 0 ? "Rain in Seattle" : "Snow in Denver")).ToArray();
        var scan = Scan(rows);

        var page = scan.Query(new MarketScanQuery(Search: "seattle", Decision: "proposed", SortBy: "ticker", Descending: false, Offset: 2, Limit: 2));

        // Even i and i % 3 == 0: 0, 6, 12, 18, 24 → five match; the third and fourth by ticker.
        Assert.Equal(5, page.Total);
        Assert.Equal(["KXRAIN-12", "KXRAIN-18"], page.Markets.Select(m => m.Ticker));
    }

    [Fact]
    public void Query_SearchMatchesTheReason()
    {
        var scan = Scan(Row("A", 0.01, reason: "spread: 0.12 exceeds 0.06"), Row("B", 0.01));

        Assert.Equal(["A"], scan.Query(new MarketScanQuery(Search: "SPREAD")).Markets.Select(m => m.Ticker));
    }

    [Theory]
    [InlineData(0, 0, null, "edge", "limit must be between 1 and 1000; got 0.")]
    [InlineData(1001, 0, null, "edge", "limit must be between 1 and 1000; got 1001.")]
    [InlineData(10, -1, null, "edge", "offset must not be negative; got -1.")]
    [InlineData(10, 0, "maybe", "edge", "decision must be proposed or skipped; got 'maybe'.")]
    [InlineData(10, 0, null, "volume", "sort must be one of edge, ticker, estimate, stage, closes; got 'volume'.")]
    public void Query_BadParameters_AreRefusedNamingTheParameter(int limit, int offset, string? decision, string sort, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MarketScan().Query(new MarketScanQuery(Decision: decision, SortBy: sort, Offset: offset, Limit: limit)));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_BeforeTheFirstCycle_IsEmptyWithNoCycle()
    {
        var page = new MarketScan().Query(new MarketScanQuery());

        Assert.Equal((null, null, 0), (page.CycleId, page.At, page.Total));
    }

    [Fact]
    public async Task Cycle_PublishesEveryMarketWithItsDecisionAndReason()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T60").Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T70").Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T80").Status(KalshiDesk.Domain.Markets.MarketStatus.Inactive).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        var page = desk.Get<MarketScan>().Query(new MarketScanQuery(SortBy: "ticker", Descending: false));
        Assert.Equal((report.CycleId, 3), (page.CycleId, page.Total));
        var (proposed, quiet, paused) = (page.Markets[0], page.Markets[1], page.Markets[2]);
        Assert.Equal(("proposed", "proposed", null, "yes"), (proposed.Decision, proposed.Stage, proposed.Reason, proposed.Side));
        Assert.Equal(0.0669, Math.Round(proposed.Edge!.Value, 4));
        Assert.Equal((0.53m, 0.55m, 0.70m), (proposed.YesBid, proposed.YesAsk, proposed.LastPrice));
        Assert.Equal(("skipped", "priced"), (quiet.Decision, quiet.Stage));
        Assert.StartsWith("no edge: best is ", quiet.Reason, StringComparison.Ordinal);
        Assert.Equal(("skipped", "scanned", null), (paused.Decision, paused.Stage, paused.Estimate));
        Assert.StartsWith("market open", paused.Reason, StringComparison.Ordinal);
    }
}
