using System.Globalization;
using KalshiDesk.Engine.Forecasting.Cli;
using Xunit.Abstractions;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

/// <summary>
/// Validation on Kalshi's own numbers: synthetic settled histories priced like Kalshi's 72 million trades and settled at
/// Kalshi's realised win rate for each price (<see cref="KalshiPriceTables"/>), walked forward: learned on the first
/// 70% by close time, scored on the last 30%. The tables printed here are the ones in docs/calibration.md.
/// </summary>
public sealed class WalkForwardValidationTests(ITestOutputHelper output)
{
    private const int KalshiRows = 200_000;
    private const int Seed = 20251125;

    [Fact]
    public void Run_HistoryPricedAndSettledLikeKalshi_RecalibratedBeatsThePriceWhereverTheBiasIsConsistent()
    {
        var history = SyntheticHistory.PricedLikeKalshi(KalshiRows, Seed, KalshiPriceTables.WinRate, ["Kalshi"]);

        var report = WalkForwardValidation.Run(history);

        Print("Priced and settled like Kalshi", report, truth: cents => KalshiPriceTables.WinRate(cents));
        var price = report.Score(OfflineModels.MarketImplied);
        Assert.Equal((140_000, 60_000), (report.LearnRows, report.ScoreRows));
        Assert.True(report.Score(OfflineModels.Recalibrated).Brier < price.Brier, $"{report.Score(OfflineModels.Recalibrated)} vs {price}");
        Assert.True(report.Score(LearnedForecaster.Probability).Brier < price.Brier, $"{report.Score(LearnedForecaster.Probability)} vs {price}");
        var consistent = Enumerable.Range(0, 10).Where(ConsistentlyBiased).ToList();
        Assert.Equal([0, 1, 4, 5, 6, 8, 9], consistent);
        foreach (var decile in consistent)
        {
            var (priceBrier, recalibratedBrier) = ExpectedBrier(report, decile, cents => KalshiPriceTables.WinRate(cents));
            Assert.True(recalibratedBrier < priceBrier, $"decile {decile}: expected Brier recalibrated {recalibratedBrier:0.000000} vs price {priceBrier:0.000000}");
        }
    }

    [Fact]
    public void Run_HistoryPricedLikeKalshiButFair_RecalibratedIsNoWorseThanThePrice()
    {
        var history = SyntheticHistory.PricedLikeKalshi(KalshiRows, Seed, cents => cents / 100d, ["Kalshi"]);

        var report = WalkForwardValidation.Run(history);

        Print("Priced like Kalshi, settled at the price (no bias)", report, truth: cents => cents / 100d);
        Assert.InRange(report.Score(OfflineModels.Recalibrated).BrierSkill!.Value, -0.0001, 0.0001);
    }

    [Fact]
    public void Run_PlantedLongshotBias_RecalibratedIsBetterInTheBiasedDecilesAndNoWorseElsewhere()
    {
        // Prices below 30¢ win 5 points less often than priced; the rest are fair.
        var history = SyntheticHistory.Uniform(100_000, Seed, p => p < 0.30 ? Math.Max(0d, p - 0.05) : p);

        var report = WalkForwardValidation.Run(history);

        Print("Uniform prices, longshots below 30¢ win 5 points less", report, truth: cents => cents < 30 ? Math.Max(0d, (cents / 100d) - 0.05) : cents / 100d);
        Assert.True(report.Score(OfflineModels.Recalibrated).BrierSkill > 0.002, $"{report.Score(OfflineModels.Recalibrated)}");
        Assert.All(report.Deciles.Where(d => d.Decile <= 2), d => Assert.True(d.BrierRecalibrated < d.BrierPrice - 0.001, $"{d}"));
        Assert.All(report.Deciles.Where(d => d.Decile > 2), d => Assert.True(d.BrierRecalibrated < d.BrierPrice + 0.0005, $"{d}"));
    }

    [Fact]
    public void Run_RowsInAnyOrder_LearnsOnTheFirstSeventyPercentByCloseTime()
    {
        var history = SyntheticHistory.Uniform(200, 3, p => p);
        var shuffled = history.OrderBy(r => r.Ticker.GetHashCode(StringComparison.Ordinal)).ToList();

        var report = WalkForwardValidation.Run(shuffled);

        Assert.Equal((140, 60), (report.LearnRows, report.ScoreRows));
        Assert.Equal(SyntheticHistory.Start.AddMinutes(140), report.ScoredFrom);
        Assert.Equal(history.Skip(140).Select(r => r.Ticker), report.Scored.Select(s => s.Market.Ticker));
        Assert.Equal(60, report.Deciles.Sum(d => d.Count));
    }

    [Fact]
    public void Run_MarketObservedSeveralTimes_StaysOnOneSideOfTheSplit()
    {
        // 100 markets, two rows each; the 70th market's rows straddle the 70% mark unless the split moves past them.
        var history = SyntheticHistory.Uniform(100, 5, p => p)
            .SelectMany(r => new[] { r with { ObservedAt = r.CloseTime!.Value.AddHours(-2) }, r with { ObservedAt = r.CloseTime!.Value.AddHours(-1), Price = 0.5m } })
            .Take(141)
            .ToList();

        var report = WalkForwardValidation.Run(history);

        Assert.Equal((100, 41), (report.LearnRows, report.ScoreRows));
        Assert.DoesNotContain(report.Scored, s => s.Market.Ticker == history[99].Ticker);
    }

    [Fact]
    public void WhyNot_UntimedOrShortHistory_SaysWhy()
    {
        var history = SyntheticHistory.Uniform(150, 3, p => p);

        Assert.Null(WalkForwardValidation.WhyNot(history));
        Assert.Equal("99 rows, fewer than the 100 worth splitting", WalkForwardValidation.WhyNot(history[..99]));
        Assert.Equal(
            "2 rows have neither close_time nor observed_at, so there is no order to split in",
            WalkForwardValidation.WhyNot([.. history[..148], history[148] with { CloseTime = null, ObservedAt = null }, history[149] with { CloseTime = null, ObservedAt = null }]));
    }

    // A decile holds a consistent bias when Kalshi's win rate sits on one side of the price for at least 8 of its cents
    // and by at least half a point on average (trade-weighted).
    private static bool ConsistentlyBiased(int decile)
    {
        var cents = Enumerable.Range(Math.Max(1, decile * 10), decile == 0 ? 9 : 10).ToList();
        var weight = cents.Sum(c => (double)KalshiPriceTables.TradesByPrice[c - 1]);
        var bias = cents.Sum(c => KalshiPriceTables.TradesByPrice[c - 1] * (KalshiPriceTables.WinRate(c) - (c / 100d))) / weight;
        var sameSide = cents.Count(c => Math.Sign(KalshiPriceTables.WinRate(c) - (c / 100d)) == Math.Sign(bias));
        return Math.Abs(bias) >= 0.005 && sameSide >= 8;
    }

    // Brier expected from the true win rate π of each scored row, E[(q − o)²] = (q − π)² + π(1 − π): free of the
    // scored outcomes' own noise, which at 6,000 rows a decile is as large as Kalshi's bias is worth.
    private static (double Price, double Recalibrated) ExpectedBrier(WalkForwardReport report, int decile, Func<int, double> truth)
    {
        var rows = report.Scored.Where(s => (int)(s.Market.Price * 10m) == decile).ToList();
        double Expected(Func<ScoredForecast, double> forecast) => rows.Average(s =>
        {
            var pi = truth((int)(s.Market.Price * 100m));
            var q = forecast(s);
            return ((q - pi) * (q - pi)) + (pi * (1d - pi));
        });
        return (Expected(s => (double)s.Market.Price), Expected(s => s.Forecast.Models[2].ProbabilityYes.Value));
    }

    private void Print(string title, WalkForwardReport report, Func<int, double> truth)
    {
        string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(F($"### {title}: learned on {report.LearnRows:#,0} rows, scored on {report.ScoreRows:#,0}"));
        output.WriteLine(string.Empty);
        output.WriteLine($"Recalibration of the price: {CategoryRecalibration.Describe(report.Learned.Recalibration.Global)}");
        output.WriteLine($"Calibration of the pool: {CategoryRecalibration.Describe(report.Learned.BlendCalibration.Global)}");
        output.WriteLine("Weights: " + string.Join(", ", OfflineModels.All.Select(m => F($"{m} {report.Learned.Weights.Global[m]:0.000}"))));
        output.WriteLine(string.Empty);
        output.WriteLine("| estimate | Brier | log loss | Brier skill vs price |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var s in report.Scores)
        {
            output.WriteLine(F($"| {s.Model} | {s.Brier:0.000000} | {s.LogLoss:0.000000} | {s.BrierSkill:+0.00000;-0.00000;0} |"));
        }

        output.WriteLine(string.Empty);
        output.WriteLine("| price decile | rows | mean price | YES rate | true rate | mean recalibrated | Brier price | Brier recalibrated | Brier probability | Δ Brier ×10⁴ (price − recalibrated) | expected Δ ×10⁴ |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in report.Deciles)
        {
            var rows = report.Scored.Where(s => (int)(s.Market.Price * 10m) == d.Decile).ToList();
            var trueRate = rows.Average(s => truth((int)(s.Market.Price * 100m)));
            var (expectedPrice, expectedRecalibrated) = ExpectedBrier(report, d.Decile, truth);
            output.WriteLine(F(
                $"| {d.Low:0.0}–{d.High:0.0} | {d.Count:#,0} | {d.MeanPrice:0.0000} | {d.YesFrequency:0.0000} | {trueRate:0.0000} | {d.MeanRecalibrated:0.0000} | {d.BrierPrice:0.000000} | {d.BrierRecalibrated:0.000000} | {d.BrierProbability:0.000000} | {(d.BrierPrice - d.BrierRecalibrated) * 1e4:+0.00;-0.00;0.00} | {(expectedPrice - expectedRecalibrated) * 1e4:+0.00;-0.00;0.00} |"));
        }

        output.WriteLine(string.Empty);
    }
}
