using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktesterTests
{
    [Fact]
    public async Task Replay_TradesTheBiasedMarkets_AndMoneyBalances()
    {
        var data = Recordings.Biased();

        var result = await Backtester.RunAsync(data, new BacktestOptions { Preset = RiskPresets.Balanced });

        Assert.Equal(1800, result.Updates);
        Assert.Equal(600, result.Markets);
        Assert.NotEmpty(result.Trades);
        Assert.All(result.Trades, t => Assert.NotNull(t.Pnl));

        // Every dollar is accounted for: the start, less every cost and fee, plus every payout.
        var payouts = result.Trades.Sum(t => t.YesWon == (t.Side == "yes") ? t.Contracts : 0m);
        Assert.Equal(result.StartingCash - result.Trades.Sum(t => t.Cost + t.Fee) + payouts, result.FinalEquity);
        Assert.Equal(result.StartingCash + result.Trades.Sum(t => t.Pnl!.Value), result.FinalEquity);
        Assert.Equal(result.Trades.Sum(t => t.Fee), result.Fees);
        Assert.Equal((result.FinalEquity - result.StartingCash) / result.StartingCash, result.RoiAfterFees);

        // Each fill paid Kalshi's taker fee on what it bought, at the recorded quote, and no more than a trade may cost.
        var byTicker = data.Markets.ToDictionary(m => m.Ticker);
        foreach (var trade in result.Trades)
        {
            var market = byTicker[trade.Ticker];
            var quote = market.Observations.Single(o => o.At == trade.At);
            var price = trade.Side == "yes" ? quote.YesAsk : quote.YesBid.Complement;
            Assert.Equal(price.Dollars, trade.Price);
            Assert.Equal(trade.Contracts * price.Dollars, trade.Cost);
            Assert.Equal(KalshiFeeModel.TakerFee(price, Quantity.Of(trade.Contracts), FeeSchedule.Standard).Dollars, trade.Fee);
            Assert.Equal(market.YesWon, trade.YesWon);
            Assert.True(trade.Edge >= RiskPresets.Balanced.MinEdge, $"{trade.Ticker} traded at edge {trade.Edge}");
        }

        // The funnel narrows, and every decision is counted once at the top.
        var funnel = result.Funnel.Select(s => s.Count).ToArray();
        Assert.Equal(["scanned", "priced", "edge", "sized", "risk-passed", "proposed", "filled"], result.Funnel.Select(s => s.Stage));
        Assert.Equal(1800, funnel[0]);
        Assert.True(funnel.Zip(funnel.Skip(1)).All(p => p.First >= p.Second));
        Assert.Equal(result.Trades.Count, funnel[^1]);
        // Every decision that was not proposed says why.
        Assert.Equal(funnel[0] - funnel[5], result.SkipReasons.Values.Sum());
        Assert.True(result.SkipReasons.GetValueOrDefault("no edge") > 0);
    }

    [Fact]
    public async Task Scores_AreTheLastForecastBeforeClose_WithIntervalsAroundThem()
    {
        var data = Recordings.Biased();

        var result = await Backtester.RunAsync(data);

        // Every market settled and was forecast, so each is scored once, against its price 6 hours before the close.
        Assert.Equal(600, result.Desk.Count);
        Assert.Equal(600, result.Market.Count);
        var expected = data.Markets.Average(m =>
        {
            var mid = (double)((m.Observations[^1].YesBid.Dollars + m.Observations[^1].YesAsk.Dollars) / 2m);
            return Math.Pow(mid - (m.YesWon ? 1 : 0), 2);
        });
        Assert.Equal(expected, result.Market.Brier!.Value, 12);
        foreach (var score in new[] { result.Desk.Brier!, result.Desk.LogLoss!, result.Market.Brier!, result.Market.LogLoss! })
        {
            Assert.InRange(score.Value, score.Low, score.High);
            Assert.True(score.High - score.Low is > 0.001 and < 0.2, $"interval {score.Low}–{score.High}");
        }

        // The desk learns the bias as markets settle, so over the run it forecasts better than the biased price.
        Assert.True(result.Desk.Brier!.Value < result.Market.Brier.Value, $"desk {result.Desk.Brier.Value} vs market {result.Market.Brier.Value}");
        Assert.Equal(["Economics", "Sports", "Weather"], result.Categories.Select(c => c.Category));
        Assert.Equal(600, result.Categories.Sum(c => c.Markets));
        Assert.Equal(result.Trades.Count, result.Categories.Sum(c => c.Trades));
        Assert.Equal(result.Pnl, result.Categories.Sum(c => c.Pnl));
    }

    [Fact]
    public async Task SameRecordingAndOptions_SameResult()
    {
        var data = Recordings.Biased(300);

        var first = await Backtester.RunAsync(data);
        var second = await Backtester.RunAsync(data);

        Assert.Equal(first.Trades, second.Trades);
        Assert.Equal(first.Equity, second.Equity);
        Assert.Equal((first.FinalEquity, first.MaxDrawdown, first.Desk, first.Market), (second.FinalEquity, second.MaxDrawdown, second.Desk, second.Market));
    }

    [Fact]
    public async Task NoModelOrCalibrator_SeesPastTheDecisionTime()
    {
        var data = Recordings.Biased(300);
        var cut = Recordings.Epoch.AddDays(25);

        // Every market's tape prints each hour of its life, so anything read past the clock would be there to see.
        data = data with
        {
            Markets = [.. data.Markets.Select(m => m with
            {
                Trades = [.. Enumerable.Range(0, 48).Select(h => Recordings.Print(m.Ticker, m.Observations[0].LastPrice!.Value.Dollars, m.CloseTime.AddHours(-48 + h)))],
            })],
        };
        var spy = new SpyForecaster();
        var decisions = new List<BacktestDecision>();
        var options = new BacktestOptions { Forecasters = [.. BacktestOptions.LiveForecasters(), spy], OnDecision = decisions.Add };

        var original = await Backtester.RunAsync(data, options);

        // 1. What any model is handed: no snapshot, sibling or print from after the decision, and no outcome.
        Assert.True(spy.Calls > 1000, $"{spy.Calls} calls");
        Assert.Empty(spy.Violations);

        // 2. Turning over the outcome and the later prices of every market still open at the cut changes nothing decided
        // before it: neither the models nor the calibration learned from settled markets saw any of it.
        decisions.Clear();
        var flipped = await Backtester.RunAsync(
            Recordings.Flipped(data, m => m.SettledAt > cut, cut),
            options with { Forecasters = BacktestOptions.LiveForecasters(), OnDecision = decisions.Add });
        var before = decisions.Where(d => d.At <= cut).ToList();
        var baseline = new List<BacktestDecision>();
        await Backtester.RunAsync(data, options with { Forecasters = BacktestOptions.LiveForecasters(), OnDecision = baseline.Add });
        Assert.Equal(baseline.Where(d => d.At <= cut), before);
        Assert.Equal(original.Trades.Where(t => t.At <= cut).Select(t => (t.Ticker, t.Side, t.Contracts, t.Price)), flipped.Trades.Where(t => t.At <= cut).Select(t => (t.Ticker, t.Side, t.Contracts, t.Price)));
        Assert.True(before.Count > 300, $"{before.Count} decisions before the cut");

        // 3. The control: turning over markets that settled before the cut does change later decisions, through the
        // calibration learned from them; so the comparison above would have caught a leak.
        var changed = new List<BacktestDecision>();
        await Backtester.RunAsync(
            Recordings.Flipped(data, m => m.SettledAt < cut.AddDays(-10), DateTimeOffset.MaxValue),
            options with { Forecasters = BacktestOptions.LiveForecasters(), OnDecision = changed.Add });
        var probabilities = baseline.Where(d => d.At > cut.AddDays(-10) && d.At <= cut).Select(d => d.ProbabilityYes);
        Assert.NotEqual(probabilities, changed.Where(d => d.At > cut.AddDays(-10) && d.At <= cut).Select(d => d.ProbabilityYes));
    }

    [Fact]
    public async Task From_WarmsUpWithoutTrading_AndTo_StopsWithOpenPositionsMarked()
    {
        var data = Recordings.Biased(300);
        var from = Recordings.Epoch.AddDays(20);
        var to = Recordings.Epoch.AddDays(40);

        var result = await Backtester.RunAsync(data, new BacktestOptions { From = from, To = to });

        Assert.NotEmpty(result.Trades);
        Assert.All(result.Trades, t => Assert.InRange(t.At, from, to));
        Assert.Equal(from, result.Start!.Value, TimeSpan.FromHours(6));
        Assert.True(result.End <= to);

        // Scored: only markets whose last forecast fell in the window and that settled by its end.
        var scored = data.Markets.Count(m => m.SettledAt <= to && m.Observations[^1].At >= from);
        Assert.Equal(scored, result.Desk.Count);

        // A trade still open at the end has no P&L yet, and equity counts it at its last mid.
        var open = result.Trades.Where(t => t.Pnl is null).ToList();
        var settledPnl = result.Trades.Where(t => t.Pnl is not null).Sum(t => t.Pnl!.Value);
        var marks = open.GroupBy(t => t.Ticker).Sum(g =>
        {
            var market = data.Markets.Single(m => m.Ticker == g.Key);
            var last = market.Observations.Last(o => o.At <= to);
            var mid = (last.YesBid.Dollars + last.YesAsk.Dollars) / 2m;
            return g.Sum(t => (t.Side == "yes" ? mid : 1m - mid) * t.Contracts - t.Cost - t.Fee);
        });
        Assert.Equal(result.StartingCash + settledPnl + marks, result.FinalEquity);
    }

    [Fact]
    public async Task Progress_CountsUpToTheTotal_WithAnEstimateOfTimeLeft()
    {
        var reports = new List<BacktestProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await Backtester.RunAsync(Recordings.Biased(), progress: progress);

        Assert.True(reports.Count >= 2);
        Assert.All(reports, r => Assert.Equal(1800, r.Total));
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
        Assert.Equal((1800L, 1d), (reports[^1].Done, reports[^1].Fraction));
        Assert.Equal(TimeSpan.Zero, reports[^1].Remaining);
        Assert.NotNull(reports[0].Remaining);
    }

    [Fact]
    public async Task Cancelled_Stops()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancel.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Backtester.RunAsync(Recordings.Biased(), progress: progress, ct: cancel.Token));
    }

    [Fact]
    public async Task AfterABadRun_TheBreakerHalts_AndStaysHaltedWithoutAPerson()
    {
        // A model sure of YES everywhere, and markets that all settle NO: every trade loses.
        var data = Recordings.Biased(300);
        data = data with { Markets = [.. data.Markets.Select(m => m with { YesWon = false })] };
        var decisions = new List<BacktestDecision>();

        var result = await Backtester.RunAsync(data, new BacktestOptions { Preset = RiskPresets.Conservative, Forecasters = [new Sure(0.9)], OnDecision = decisions.Add });

        // The day's loss limit halts the desk first (a halt that would end with the New York day); then, as the losses
        // settle, the losing streak, which only a person ends: nothing is traded after it, to the end of the recording.
        var halts = decisions.Where(d => d.Reason?.StartsWith("halted", StringComparison.Ordinal) == true).ToList();
        Assert.StartsWith("halted: daily loss limit: down $20.02 (2.01%)", halts[0].Reason, StringComparison.Ordinal);
        var final = halts.First(d => !d.Reason!.StartsWith("halted: daily loss limit", StringComparison.Ordinal));
        Assert.Equal("halted: losing streak: 4 settlements in a row lost money; the conservative limit is 4; an admin resumes", final.Reason);
        Assert.Equal(final.Reason, halts[^1].Reason);
        Assert.True(halts[^1].At > final.At.AddDays(30));
        Assert.DoesNotContain(result.Trades, t => t.At >= final.At);
        Assert.DoesNotContain(decisions, d => d.At >= final.At && d.Stage is "risk-passed" or "proposed");
        Assert.All(result.Trades, t => Assert.True(t.Pnl < 0m, $"{t.Ticker} made {t.Pnl}"));
        Assert.Equal(result.StartingCash + result.Trades.Sum(t => t.Pnl!.Value), result.FinalEquity);
        Assert.True(result.MaxDrawdown > 0m && result.RoiAfterFees < 0m);
    }

    [Fact]
    public async Task EmptyRecording_GivesAnEmptyResult()
    {
        var result = await Backtester.RunAsync(new BacktestData("empty", []));

        Assert.Equal((0L, 0, 0, 1000m, 0m), (result.Updates, result.Trades.Count, result.Desk.Count, result.FinalEquity, result.RoiAfterFees));
        Assert.Null(result.Desk.Brier);
        Assert.Null(result.Start);
    }

    /// <summary>A model that writes down everything it is shown that it should not be, and forecasts nothing.</summary>
    private sealed class SpyForecaster : IForecaster
    {
        public int Calls { get; private set; }

        public List<string> Violations { get; } = [];

        public string Name => "spy";

        public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) => null;

        public Forecast? Forecast(MarketSnapshot market, ForecastContext context, DateTimeOffset decisionTime)
        {
            Calls++;
            if (market.ObservedAt > decisionTime || market.Result != MarketResult.None || market.SettledAt is not null || market.SettlementValue is not null)
            {
                Violations.Add($"{market.Ticker} at {decisionTime:O}: snapshot from {market.ObservedAt:O}, result {market.Result}");
            }

            foreach (var sibling in context.EventMarkets(market.EventTicker))
            {
                if (sibling.ObservedAt > decisionTime)
                {
                    Violations.Add($"{market.Ticker} at {decisionTime:O}: sibling {sibling.Ticker} from {sibling.ObservedAt:O}");
                }
            }

            foreach (var print in context.Trades(market.Ticker, DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
            {
                if (print.ExecutedAt > decisionTime)
                {
                    Violations.Add($"{market.Ticker} at {decisionTime:O}: a print from {print.ExecutedAt:O}");
                }
            }

            return null;
        }
    }

    /// <summary>A model that gives the same probability of YES to every market.</summary>
    private sealed class Sure(double p) : IForecaster
    {
        public string Name => "sure";

        public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) =>
            new(Name, Probability.Of(p), 1d, decisionTime, new Dictionary<string, string>());
    }

    private sealed class SynchronousProgress(Action<BacktestProgress> report) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value) => report(value);
    }
}
