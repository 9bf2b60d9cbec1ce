using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Tests.Scoring;

public class ScoringTests
{
    [Fact]
    public async Task Score_AfterTheSandboxSettlesItsMarkets_WritesEachOutcomeOnceAndRelearns()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();
        await desk.Get<TradingCycle>().RunAsync();
        int recorded;
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            recorded = await context.Forecasts.CountAsync();
        }

        var early = await desk.Get<ForecastScorer>().ScoreAsync();

        // A month on, every market of the first cycle has closed, been determined and settled on the exchange.
        desk.Time.Advance(TimeSpan.FromDays(31));
        var scorer = desk.Get<ForecastScorer>();
        var run = await scorer.ScoreAsync();
        var again = await scorer.ScoreAsync();

        Assert.True(recorded >= 20, $"the first cycle recorded {recorded} forecasts");
        Assert.Equal((0, 0), (early.Checked, early.Settled));
        Assert.Equal((recorded, recorded, recorded, 0), (run.Checked, run.Settled, run.ForecastsScored, run.Unscorable));
        Assert.Equal((0, 0), (again.Checked, again.Settled));
        var client = desk.Get<IKalshiClient>();
        await using var after = await desk.Db.CreateDbContextAsync();
        var forecasts = await after.Forecasts.AsNoTracking().OrderBy(f => f.Ticker).ToListAsync();
        foreach (var forecast in forecasts.Take(5))
        {
            var market = await client.GetMarketAsync(forecast.Ticker);
            Assert.Equal(market.Result == MarketResult.Yes, forecast.YesWon);
            Assert.Equal(market.SettledAt, forecast.SettledAt);
            Assert.Equal(desk.Time.GetUtcNow(), forecast.ScoredAt);
        }

        // The desk relearned from exactly these outcomes, and said so.
        var snapshot = desk.Get<LearnedCalibration>().Snapshot;
        var pairs = forecasts.Select(f => new ForecastOutcome(Probability.Of(f.ProbabilityYes), f.YesWon!.Value)).ToList();
        var prices = forecasts.Select(f => new ForecastOutcome(Probability.Of(f.MarketProbabilityYes), f.YesWon!.Value)).ToList();
        Assert.Equal(recorded, snapshot.SettledMarkets);
        Assert.Equal(CalibrationMetrics.Brier(pairs), snapshot.Desk!.Brier, 12);
        Assert.Equal(CalibrationMetrics.Brier(prices), snapshot.Market!.Brier, 12);
        Assert.Equal(["favourite-longshot", "market-implied", "order-flow"], snapshot.Models.Select(m => m.Model).Where(m => m != "event-consistency"));
        Assert.Equal(1d, desk.Get<IEnsembleWeightsProvider>().Current.Global.Values.Sum(), 12);
        var updated = Assert.Single(desk.Events.OfType<CalibrationUpdated>());
        Assert.Equal(recorded, updated.SettledMarkets);
    }

    [Fact]
    public async Task Cycle_CalibrationDegraded_EveryEntrySitsOutWithTheReason()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await ScoredHistory.SeedAsync(desk.Db, Enumerable.Range(0, 40).Select(i => new ScoredHistory.Row($"OLD-{i:00}", 0.4, 0.6, false)));
        await desk.Get<CalibrationLearner>().RefreshAsync();

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((1, 1, 1, 1, 0, 0), (report.Scanned, report.Priced, report.WithEdge, report.Sized, report.RiskPassed, report.Proposed));
        Assert.Equal(1, report.SkipReasons[RiskGate.SitOut]);
        Assert.Equal(
            "calibration degraded: rolling Brier skill -1.2500 against the market price over the last 40 settled markets (desk 0.3600, market 0.1600)",
            desk.Get<LearnedCalibration>().SitOutReason);
        var updated = Assert.Single(desk.Events.OfType<CalibrationUpdated>());
        Assert.True(updated.SittingOut);
    }

    [Fact]
    public async Task Cycle_CalibrationRecovers_TheDeskTradesAgain()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await ScoredHistory.SeedAsync(desk.Db, Enumerable.Range(0, 40).Select(i => new ScoredHistory.Row($"OLD-{i:00}", 0.4, 0.6, false)));
        await desk.Get<CalibrationLearner>().RefreshAsync();

        // 100 later markets where the desk beats the price push the bad run out of the rolling window.
        await ScoredHistory.SeedAsync(desk.Db, Enumerable.Range(0, 100).Select(i => new ScoredHistory.Row($"NEW-{i:000}", 0.4, 0.3, false, SettledAt: EngineHarness.Start.AddMinutes(-200 + i))));
        await desk.Get<CalibrationLearner>().RefreshAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Null(desk.Get<LearnedCalibration>().SitOutReason);
        Assert.Equal(1, report.Proposed);
    }

    [Fact]
    public async Task Restart_LearnsTheSameStateBackFromTheStore()
    {
        var exchange = new FakeExchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await ScoredHistory.SeedAsync(desk.Db, Enumerable.Range(0, 40).Select(i => new ScoredHistory.Row(
            $"M-{i:00}", 0.4, 0.6, false, Models: new Dictionary<string, double> { ["sharp"] = 0.05, ["coin"] = 0.5 })));
        var before = await desk.Get<CalibrationLearner>().RefreshAsync();

        // A new process: nothing in memory, the same database.
        var fresh = new LearnedCalibration();
        var learner = new CalibrationLearner(desk.Db, fresh, desk.Get<IDeskEvents>(), desk.Get<IOptions<ScoringOptions>>(), desk.Time, NullLogger<CalibrationLearner>.Instance);
        await learner.RefreshAsync();

        Assert.Equal(before.Rolling, fresh.Snapshot.Rolling);
        Assert.NotNull(fresh.SitOutReason);
        Assert.Equal(desk.Get<LearnedCalibration>().Current.Global, fresh.Current.Global);
        Assert.True(fresh.Current.Global["sharp"] > fresh.Current.Global["coin"]);
    }

    [Fact]
    public async Task Ensemble_AfterLearning_PoolsWithTheLearnedWeights()
    {
        var exchange = new FakeExchange();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await ScoredHistory.SeedAsync(desk.Db, Enumerable.Range(0, 100).Select(i => new ScoredHistory.Row(
            $"M-{i:000}", 0.5, 0.5, i % 2 == 0, Models: new Dictionary<string, double> { ["market-implied"] = 0.5, ["favourite-longshot"] = i % 2 == 0 ? 0.7 : 0.3 })));
        await desk.Get<CalibrationLearner>().RefreshAsync();
        var market = new MarketBuilder().Last(0.70m).Build();

        var blend = desk.Get<EnsembleForecaster>().Forecast(market, new ForecastContext([market]), EngineHarness.Start)!;

        var learned = desk.Get<LearnedCalibration>().Current.Global;
        Assert.True(learned["favourite-longshot"] > learned["market-implied"]);
        Assert.True(blend.Pooled.Weights["favourite-longshot"] > blend.Pooled.Weights["market-implied"]);
    }

    [Fact]
    public async Task Score_ScalarSettlementAndLongGoneMarkets_AreMarkedUnscorable()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Ticker("SCALAR").Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("GONE").Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<TradingCycle>().RunAsync();
        exchange.Markets["SCALAR"] = exchange.Markets["SCALAR"] with { Status = MarketStatus.Finalized, Result = MarketResult.Scalar };
        exchange.Markets.Remove("GONE");

        desk.Time.Advance(TimeSpan.FromDays(2));
        var soon = await desk.Get<ForecastScorer>().ScoreAsync();
        desk.Time.Advance(TimeSpan.FromDays(8));
        var later = await desk.Get<ForecastScorer>().ScoreAsync();

        Assert.Equal((2, 0, 1), (soon.Checked, soon.Settled, soon.Unscorable));
        Assert.Equal((1, 0, 1), (later.Checked, later.Settled, later.Unscorable));
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.All(await context.Forecasts.ToListAsync(), f => Assert.Equal((false, true), (f.YesWon.HasValue, f.ScoredAt.HasValue)));
        Assert.Equal(0, desk.Get<LearnedCalibration>().Snapshot.SettledMarkets);
    }
}
