using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Calibration;

public class CalibrationMetricsTests
{
    // Four forecasts of 0.25 (one YES) and four of 0.75 (two YES): the low bin is calibrated, the high one over-confident.
    private static readonly ForecastOutcome[] TwoBins =
    [
        ForecastOutcome.Of(0.25, true), ForecastOutcome.Of(0.25, false), ForecastOutcome.Of(0.25, false), ForecastOutcome.Of(0.25, false),
        ForecastOutcome.Of(0.75, true), ForecastOutcome.Of(0.75, true), ForecastOutcome.Of(0.75, false), ForecastOutcome.Of(0.75, false),
    ];

    // Forecasts spread inside two bins (K = 2), so the within-bin terms are not zero.
    private static readonly ForecastOutcome[] Spread =
    [
        ForecastOutcome.Of(0.1, false), ForecastOutcome.Of(0.3, true), ForecastOutcome.Of(0.6, false), ForecastOutcome.Of(0.8, true),
    ];

    [Fact]
    public void Brier_TwoBinExample_Is0_25()
    {
        // 0.25 bin: 0.75² + 3 × 0.25² = 0.75; 0.75 bin: 2 × 0.25² + 2 × 0.75² = 1.25; (0.75 + 1.25) / 8 = 0.25
        Assert.Equal(0.25, CalibrationMetrics.Brier(TwoBins), 12);
    }

    [Fact]
    public void LogLoss_TwoBinExample_IsThreeLn4PlusFiveLn4Over3_Over8()
    {
        // −ln 0.25 = ln 4 three times (1 YES at 0.25, 2 NO at 0.75); −ln 0.75 = ln 4/3 five times: (3 ln 4 + 5 ln 4/3) / 8
        Assert.Equal(0.6996616807, CalibrationMetrics.LogLoss(TwoBins), 9);
    }

    [Fact]
    public void LogLoss_CertainMiss_IsClampedToLn1000()
    {
        Assert.Equal(Math.Log(1000), CalibrationMetrics.LogLoss([ForecastOutcome.Of(0, true)]), 9);
    }

    [Fact]
    public void Murphy_TwoBinExample_GivesExactComponents()
    {
        var murphy = CalibrationMetrics.Murphy(TwoBins);

        // ō = 3/8. REL = 4 × (0.75 − 0.5)² / 8 = 0.03125; RES = (4 × 0.125² + 4 × 0.125²) / 8 = 0.015625;
        // UNC = 0.375 × 0.625 = 0.234375; forecasts are constant within bins, so REL − RES + UNC = Brier = 0.25.
        Assert.Equal(0.03125, murphy.Reliability, 12);
        Assert.Equal(0.015625, murphy.Resolution, 12);
        Assert.Equal(0.234375, murphy.Uncertainty, 12);
        Assert.Equal(0d, murphy.WithinBinVariance, 12);
        Assert.Equal(0d, murphy.WithinBinCovariance, 12);
        Assert.Equal(0.25, murphy.BinnedBrier, 12);
    }

    [Fact]
    public void Murphy_ForecastsSpreadInBins_WithinBinTermsCloseTheIdentity()
    {
        var murphy = CalibrationMetrics.Murphy(Spread, binCount: 2);

        // Brier = (0.01 + 0.49 + 0.36 + 0.04) / 4 = 0.225. Bins: f̄ 0.2 and 0.7, ō 0.5 and 0.5, overall ō 0.5.
        // REL = (2 × 0.3² + 2 × 0.2²) / 4 = 0.065; RES = 0; UNC = 0.25; WBV = 4 × 0.1² / 4 = 0.01;
        // WBC = 2 × [(−0.1)(−0.5) + (0.1)(0.5) + (−0.1)(−0.5) + (0.1)(0.5)] / 4 = 0.1. 0.065 − 0 + 0.25 + 0.01 − 0.1 = 0.225.
        Assert.Equal(0.065, murphy.Reliability, 12);
        Assert.Equal(0d, murphy.Resolution, 12);
        Assert.Equal(0.25, murphy.Uncertainty, 12);
        Assert.Equal(0.01, murphy.WithinBinVariance, 12);
        Assert.Equal(0.1, murphy.WithinBinCovariance, 12);
        Assert.Equal(0.315, murphy.BinnedBrier, 12);
        Assert.Equal(0.225, murphy.Brier, 12);
        Assert.Equal(CalibrationMetrics.Brier(Spread), murphy.Brier, 12);
    }

    [Fact]
    public void ReliabilityBins_TwoBinExample_GivesCountsFrequenciesAndWilsonIntervals()
    {
        var bins = CalibrationMetrics.ReliabilityBins(TwoBins);

        Assert.Equal(2, bins.Count);
        var low = bins[0];
        Assert.Equal((2, 0.2, 0.3, 4, 1), (low.Index, low.Lower, low.Upper, low.Count, low.YesCount));
        Assert.Equal(0.25, low.MeanForecast, 12);
        Assert.Equal(0.25, low.ObservedFrequency, 12);

        // Wilson 95% for 1 of 4: centre (0.25 + z²/8)/(1 + z²/4), half-width z/(1 + z²/4)·√(0.25·0.75/4 + z²/64).
        Assert.Equal(0.045587, low.WilsonLow, 6);
        Assert.Equal(0.699358, low.WilsonHigh, 6);
        Assert.Equal(7, bins[1].Index);
        Assert.Equal(0.5, bins[1].ObservedFrequency, 12);
    }

    [Fact]
    public void ExpectedCalibrationError_TwoBinExample_IsHalfTimesQuarter()
    {
        // (4/8) × |0.25 − 0.25| + (4/8) × |0.5 − 0.75| = 0.125
        Assert.Equal(0.125, CalibrationMetrics.ExpectedCalibrationError(TwoBins), 12);
    }

    [Fact]
    public void BrierSkillScore_AgainstA40CentMarket_IsNegative()
    {
        // Market at 0.40 throughout: (3 × 0.6² + 5 × 0.4²) / 8 = 0.235; BSS = 1 − 0.25 / 0.235 = −0.0638
        var market = Enumerable.Repeat(Probability.Of(0.40), TwoBins.Length).ToList();

        Assert.Equal(-0.063829787, CalibrationMetrics.BrierSkillScore(TwoBins, market)!.Value, 9);
    }

    [Fact]
    public void BrierSkillScore_PerfectBaseline_IsNull()
    {
        Assert.Null(CalibrationMetrics.BrierSkillScore(0.1, 0d));
    }

    [Fact]
    public void From_WithMarketBaseline_BundlesEveryMeasure()
    {
        var market = Enumerable.Repeat(Probability.Of(0.40), TwoBins.Length).ToList();

        var report = CalibrationReport.From(TwoBins, market);

        Assert.Equal(8, report.Count);
        Assert.Equal(0.25, report.Brier, 12);
        Assert.Equal(0.6996616807, report.LogLoss, 9);
        Assert.Equal(0.03125, report.Murphy.Reliability, 12);
        Assert.Equal(2, report.Bins.Count);
        Assert.Equal(0.125, report.ExpectedCalibrationError, 12);
        Assert.Equal(0.235, report.BaselineBrier!.Value, 12);
        Assert.Equal(-0.063829787, report.BrierSkillScore!.Value, 9);
    }

    [Fact]
    public void From_WithoutBaseline_HasNoSkillScore()
    {
        var report = CalibrationReport.From(TwoBins);

        Assert.Null(report.BaselineBrier);
        Assert.Null(report.BrierSkillScore);
    }

    [Fact]
    public void Brier_NoForecasts_Throws()
    {
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.Brier([]));
    }

    [Fact]
    public void BrierSkillScore_BaselineOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.BrierSkillScore(TwoBins, [Probability.Of(0.5)]));
    }

    [Fact]
    public void BinOf_One_IsTheLastBin()
    {
        Assert.Equal(9, CalibrationMetrics.BinOf(1d, 10));
        Assert.Equal(0, CalibrationMetrics.BinOf(0d, 10));
        Assert.Equal(5, CalibrationMetrics.BinOf(0.5, 10));
    }

    [Property]
    public Property Brier_IsBetween0And1(byte[] forecasts, bool[] outcomes)
    {
        var pairs = Pairs(forecasts, outcomes);
        if (pairs.Count == 0)
        {
            return true.ToProperty();
        }

        var brier = CalibrationMetrics.Brier(pairs);
        return (brier is >= 0d and <= 1d).Label($"Brier {brier}");
    }

    [Property]
    public Property Murphy_ComponentsHaveTheirSignsAndAddUpToBrier(byte[] forecasts, bool[] outcomes, byte bins)
    {
        var pairs = Pairs(forecasts, outcomes);
        if (pairs.Count == 0)
        {
            return true.ToProperty();
        }

        var binCount = (bins % 20) + 1;
        var murphy = CalibrationMetrics.Murphy(pairs, binCount);
        var baseRate = pairs.Average(p => p.Outcome);
        var brier = CalibrationMetrics.Brier(pairs);

        return (Math.Abs(murphy.Uncertainty - (baseRate * (1 - baseRate))) < 1e-12
                && murphy.Reliability >= 0d
                && murphy.Resolution >= 0d
                && murphy.WithinBinVariance >= 0d
                && Math.Abs(murphy.Brier - brier) < 1e-12)
            .Label($"K {binCount}: {murphy}, ō {baseRate}, Brier {brier}");
    }

    [Property]
    public Property PerfectForecasts_ScoreBrierZero(bool[] outcomes)
    {
        if (outcomes.Length == 0)
        {
            return true.ToProperty();
        }

        var pairs = outcomes.Select(o => ForecastOutcome.Of(o ? 1d : 0d, o)).ToList();

        return (CalibrationMetrics.Brier(pairs) == 0d && CalibrationMetrics.ExpectedCalibrationError(pairs) == 0d)
            .Label($"{pairs.Count} perfect forecasts");
    }

    [Property]
    public Property ReliabilityBins_WilsonIntervalHoldsTheObservedFrequency(byte[] forecasts, bool[] outcomes)
    {
        var pairs = Pairs(forecasts, outcomes);
        if (pairs.Count == 0)
        {
            return true.ToProperty();
        }

        var bins = CalibrationMetrics.ReliabilityBins(pairs);

        return (bins.Sum(b => b.Count) == pairs.Count
                && bins.All(b => b.WilsonLow >= 0d && b.WilsonLow <= b.ObservedFrequency && b.ObservedFrequency <= b.WilsonHigh && b.WilsonHigh <= 1d))
            .Label(string.Join("; ", bins));
    }

    private static List<ForecastOutcome> Pairs(byte[] forecasts, bool[] outcomes) =>
        forecasts.Zip(outcomes, (f, o) => ForecastOutcome.Of(f / 255d, o)).ToList();
}
