using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.History;
using KalshiDesk.Sandbox.World.Replay;

namespace KalshiDesk.Sandbox.Tests.History;

/// <summary>The seeded world recorded as the settled-markets CSV: reproducible, readable by the replay, true to the world.</summary>
public sealed class SandboxHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    // Seed 42's 24-market world has quarter-hour crypto series and an NBA game that settle within three days.
    private static SandboxHistoryOptions Options(int seed = 42, int days = 3, TimeSpan? every = null, TimeSpan? tick = null) =>
        new() { Seed = seed, Markets = 24, Start = Start, Days = days, Every = every ?? TimeSpan.FromHours(1), Tick = tick };

    private static (string Csv, SandboxHistorySummary Summary) Record(SandboxHistoryOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var summary = SandboxHistory.Record(options, writer);
        return (writer.ToString(), summary);
    }

    private static List<Row> Rows(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Row.Parse)];

    [Fact]
    public void Record_SameSeed_WritesTheSameBytes()
    {
        var (first, summary) = Record(Options());
        var (second, _) = Record(Options());

        Assert.Equal(first, second);
        Assert.StartsWith(SandboxHistory.Header + "\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', first);
        Assert.Equal(summary.Rows + 1, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(summary.Markets, Rows(first).Select(r => r.Ticker).Distinct().Count());
        Assert.Equal(102, summary.Markets);
        Assert.Equal(258, summary.Rows);
        Assert.Equal(Start, summary.Start);
        Assert.Equal(Start.AddDays(3), summary.End);
    }

    [Fact]
    public void Record_AnotherSeed_WritesAnotherHistory()
    {
        var (fortyTwo, _) = Record(Options(seed: 42));
        var (fortyThree, _) = Record(Options(seed: 43));

        Assert.NotEqual(fortyTwo, fortyThree);
        Assert.NotEqual(Rows(fortyTwo).Select(r => r.Ticker).Distinct(), Rows(fortyThree).Select(r => r.Ticker).Distinct());
    }

    [Fact]
    public void Record_EveryRow_ReadsBackThroughTheReplaysRecording()
    {
        var (csv, summary) = Record(Options());
        var rows = Rows(csv);

        var markets = Recording.Parse(new StringReader(csv), "history.csv");

        Assert.Equal(summary.Markets, markets.Count);
        foreach (var market in markets)
        {
            var own = rows.Where(r => r.Ticker == market.Ticker).ToList();
            Assert.Equal(own.Select(r => (r.ObservedAt, r.Price)), market.Path.Select(p => (p.At, p.Price)));
            Assert.Equal(own[0].CloseTime, market.Close);
            Assert.Equal(own[0].Outcome, market.Outcome);
            Assert.Equal(own[0].Category, market.Category);
        }
    }

    [Fact]
    public void Record_Rows_AreInTimeThenTickerOrder_ObservedWhileTradingEveryInterval()
    {
        var options = Options(every: TimeSpan.FromHours(2), tick: TimeSpan.FromHours(1));
        var (csv, _) = Record(options);
        var rows = Rows(csv);

        Assert.All(rows, r => Assert.True(r.ObservedAt < r.CloseTime, $"{r.Ticker} observed {r.ObservedAt:o}, closed {r.CloseTime:o}"));
        Assert.All(rows, r => Assert.InRange(r.ObservedAt, options.Start, options.End));
        Assert.All(rows, r => Assert.Equal(0, (r.ObservedAt - options.Start).Ticks % TimeSpan.TicksPerHour));
        var ordered = rows.OrderBy(r => r.ObservedAt).ThenBy(r => r.Ticker, StringComparer.Ordinal).ToList();
        Assert.Equal(ordered, rows);
        foreach (var market in rows.GroupBy(r => r.Ticker))
        {
            var times = market.Select(r => r.ObservedAt).ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(2), pair.Second - pair.First));
            Assert.Single(market.Select(r => r.CloseTime).Distinct());
            Assert.Single(market.Select(r => r.Outcome).Distinct());
            Assert.Single(market.Select(r => r.EventTicker).Distinct());
            Assert.StartsWith(market.First().EventTicker + "-", market.Key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Record_Price_IsTheQuotesMidToTheCent()
    {
        var (csv, _) = Record(Options());

        foreach (var row in Rows(csv))
        {
            Assert.NotNull(row.YesBid);
            Assert.NotNull(row.YesAsk);
            Assert.True(row.YesBid < row.YesAsk, $"{row.Ticker} at {row.ObservedAt:o}: bid {row.YesBid} ask {row.YesAsk}");
            Assert.Equal(Math.Round((row.YesBid!.Value + row.YesAsk!.Value) / 2m, 2, MidpointRounding.AwayFromZero), row.Price);
            Assert.InRange(row.Price, 0.01m, 0.99m);
        }

        // The last trade is written beside the quote: after news the tape leads it, which is what a backtest can trade on.
        var rows = Rows(csv);
        Assert.All(rows.Where(r => r.LastPrice is not null), r => Assert.InRange(r.LastPrice!.Value, 0.01m, 0.99m));
        Assert.Contains(rows, r => r.LastPrice is { } last && Math.Abs(last - r.Price) >= 0.05m);
    }

    [Fact]
    public void Record_Outcomes_AreHowTheWorldSettledThem()
    {
        var options = Options();
        var (csv, summary) = Record(options);
        var written = Rows(csv).GroupBy(r => r.Ticker).ToDictionary(g => g.Key, g => g.First().Outcome, StringComparer.Ordinal);

        var run = SandboxHistory.Run(options);

        var settled = new Dictionary<string, bool>(StringComparer.Ordinal);
        run.Exchange.Inspect(() =>
        {
            foreach (var market in run.Exchange.World.Markets)
            {
                if (market.Status == MarketStatus.Finalized && market.SettledTime <= options.End)
                {
                    settled.Add(market.Ticker, market.Result!.Value);
                }
            }
        });
        Assert.Equal(settled.OrderBy(p => p.Key, StringComparer.Ordinal), written.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Contains(true, written.Values);
        Assert.Contains(false, written.Values);
        Assert.Equal(summary.Markets, written.Count);
    }

    [Fact]
    public void Record_OneWinnerEvents_HaveAtMostOneYes()
    {
        var options = Options();
        var (csv, _) = Record(options);
        var run = SandboxHistory.Run(options);

        var byEvent = Rows(csv).GroupBy(r => r.EventTicker).Select(e => (Event: e.Key, Yes: e.Where(r => r.Outcome).Select(r => r.Ticker).Distinct().Count())).ToList();

        var exclusive = byEvent.Where(e => run.Exchange.World.FindEvent(e.Event)!.MutuallyExclusive).ToList();
        Assert.NotEmpty(exclusive);
        Assert.All(exclusive, e => Assert.InRange(e.Yes, 0, 1));
    }

    [Theory]
    [InlineData(0, 1, "History:Days: must be between 1 and 366.")]
    [InlineData(3, 7, "History:Tick: must be a whole number of seconds that divides Every (01:00:00).")]
    public void Record_BadSettings_NameTheSetting(int days, int tickMinutes, string message)
    {
        var options = Options(days: days, tick: TimeSpan.FromMinutes(tickMinutes));

        var refused = Assert.Throws<ArgumentException>(() => SandboxHistory.Record(options, TextWriter.Null));

        Assert.Equal(message, refused.Message);
    }

    private sealed record Row(string Ticker, string Category, decimal Price, bool Outcome, DateTimeOffset CloseTime, DateTimeOffset ObservedAt, string EventTicker, decimal? YesBid, decimal? YesAsk, decimal? LastPrice)
    {
        public static Row Parse(string line)
        {
            var cells = line.Split(',');
            Assert.Equal(10, cells.Length);
            Assert.Contains(cells[3], new[] { "yes", "no" });
            Assert.EndsWith("Z", cells[4], StringComparison.Ordinal);
            Assert.EndsWith("Z", cells[5], StringComparison.Ordinal);
            return new Row(
                cells[0],
                cells[1],
                decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                cells[3] == "yes",
                DateTimeOffset.Parse(cells[4], CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(cells[5], CultureInfo.InvariantCulture),
                cells[6],
                cells[7].Length > 0 ? decimal.Parse(cells[7], CultureInfo.InvariantCulture) : null,
                cells[8].Length > 0 ? decimal.Parse(cells[8], CultureInfo.InvariantCulture) : null,
                cells[9].Length > 0 ? decimal.Parse(cells[9], CultureInfo.InvariantCulture) : null);
        }
    }
}
