using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Engine.Tests.Scoring;

public class CalibrationAnalysisTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static RecordedForecast Settled(string ticker, double market, double desk, bool yesWon, int minute = 0, string category = "Weather", double? pooled = null, Dictionary<string, double>? models = null, TimeSpan? horizon = null)
    {
        var settled = Now.AddMinutes(-1000 + minute);
        var close = settled.AddMinutes(-6);
        return new RecordedForecast(ticker, category, close - (horizon ?? TimeSpan.FromHours(2)), close, settled, market, pooled ?? desk, desk, yesWon, models ?? new Dictionary<string, double> { ["market-implied"] = market });
    }

    [Fact]
    public void Learn_FourSettledMarkets_ScoresTheDeskBesideTheMarketPrice()
    {
        RecordedForecast[] history =
        [
            Settled("A", 0.7, 0.8, true, 1),
            Settled("B", 0.4, 0.3, false, 2),
            Settled("C", 0.5, 0.6, false, 3),
            Settled("D", 0.2, 0.1, false, 4),
        ];

        var snapshot = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now).Snapshot;

        // Desk: (0.04 + 0.09 + 0.36 + 0.01) / 4; market: (0.09 + 0.16 + 0.25 + 0.04) / 4.
        Assert.Equal((4, 4), (snapshot.SettledMarkets, snapshot.ScoredForecasts));
        Assert.Equal(0.125, snapshot.Desk!.Brier, 12);
        Assert.Equal(0.135, snapshot.Market!.Brier, 12);
        Assert.Equal(0.135, snapshot.Desk.BaselineBrier!.Value, 12);
        Assert.Equal(1 - (0.125 / 0.135), snapshot.Desk.BrierSkillScore!.Value, 12);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.9)) / 4, snapshot.Desk.LogLoss, 12);
        Assert.Equal(0.125, snapshot.Desk.Murphy.Brier, 12);
        Assert.Equal(0.1875, snapshot.Desk.Murphy.Uncertainty, 12);
        Assert.Equal(Now, snapshot.UpdatedAt);
        var rolling = snapshot.Rolling;
        Assert.Equal((100, 4, false, null), (rolling.Window, rolling.Count, rolling.Degraded, rolling.Reason));
        Assert.Equal(0.074074, rolling.Skill!.Value, 6);
        Assert.Equal("Weather", Assert.Single(snapshot.Categories).Name);
        Assert.Equal("1–6 h", Assert.Single(snapshot.Horizons).Name);
        var day = Assert.Single(snapshot.History);
        Assert.Equal((new DateOnly(2026, 11, 23), 4), (day.Day, day.Count));
        Assert.Equal(0.135, day.MarketBrier, 12);
        Assert.StartsWith("identity", snapshot.Recalibration, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_DeskWorseThanTheMarketOverThirtyMarkets_SitsOutWithTheFigures()
    {
        var history = Enumerable.Range(0, 30).Select(i => Settled($"M{i:00}", 0.4, 0.6, false, i)).ToList();

        var rolling = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now).Snapshot.Rolling;

        Assert.True(rolling.Degraded);
        Assert.Equal(-1.25, rolling.Skill!.Value, 12);
        Assert.Equal("calibration degraded: rolling Brier skill -1.2500 against the market price over the last 30 settled markets (desk 0.3600, market 0.1600)", rolling.Reason);
    }

    [Fact]
    public void Learn_DeskWorseOverTwentyNineMarkets_IsTooLittleToSitOut()
    {
        var history = Enumerable.Range(0, 29).Select(i => Settled($"M{i:00}", 0.4, 0.6, false, i)).ToList();

        var rolling = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now).Snapshot.Rolling;

        Assert.Equal(-1.25, rolling.Skill!.Value, 12);
        Assert.False(rolling.Degraded);
        Assert.Null(rolling.Reason);
    }

    [Fact]
    public void Learn_OldLossesOutsideTheWindow_DoNotSitTheDeskOut()
    {
        // 30 bad markets settled first, then 100 where the desk beats the market: the window holds only the latest 100.
        var history = Enumerable.Range(0, 30).Select(i => Settled($"OLD{i:00}", 0.4, 0.6, false, i))
            .Concat(Enumerable.Range(0, 100).Select(i => Settled($"NEW{i:000}", 0.4, 0.3, false, 100 + i)))
            .ToList();

        var snapshot = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now).Snapshot;

        Assert.Equal(130, snapshot.SettledMarkets);
        Assert.Equal((100, false), (snapshot.Rolling.Count, snapshot.Rolling.Degraded));
        Assert.Equal(1 - (0.09 / 0.16), snapshot.Rolling.Skill!.Value, 12);
        Assert.Equal(((30 * 0.36) + (100 * 0.09)) / 130, snapshot.Desk!.Brier, 12);
    }

    [Fact]
    public void Learn_SeveralForecastsOfOneMarket_CountsTheLastForTheScoresAndEachForItsHorizon()
    {
        var close = Now.AddHours(-1);
        RecordedForecast[] history =
        [
            new("A", "Weather", close.AddHours(-30), close, Now, 0.5, 0.9, 0.9, false, new Dictionary<string, double> { ["m"] = 0.9 }),
            new("A", "Weather", close.AddHours(-2), close, Now, 0.5, 0.6, 0.6, false, new Dictionary<string, double> { ["m"] = 0.6 }),
        ];

        var snapshot = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now).Snapshot;

        Assert.Equal((1, 2), (snapshot.SettledMarkets, snapshot.ScoredForecasts));
        Assert.Equal(0.36, snapshot.Desk!.Brier, 12);
        Assert.Equal(["1–6 h", "1–7 days"], snapshot.Horizons.Select(h => h.Name));
        Assert.Equal(0.36, snapshot.Horizons[0].Desk.Brier, 12);
        Assert.Equal(0.81, snapshot.Horizons[1].Desk.Brier, 12);
    }

    [Fact]
    public void Learn_OneModelAlwaysRight_GetsTheLargerWeight()
    {
        var history = Enumerable.Range(0, 100).Select(i =>
        {
            var yes = i % 2 == 0;
            return Settled($"M{i:000}", 0.5, 0.5, yes, i, models: new Dictionary<string, double> { ["sharp"] = yes ? 0.8 : 0.2, ["coin"] = 0.5 });
        }).ToList();

        var learning = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now);

        var weights = learning.Weights.Global;
        Assert.Equal(1d, weights.Values.Sum(), 12);
        Assert.True(weights["sharp"] > 0.9, $"sharp has {weights["sharp"]}");
        var sharp = learning.Snapshot.Models.Single(m => m.Model == "sharp");
        Assert.Equal(weights["sharp"], sharp.Weight, 12);
        Assert.Equal(0.04, sharp.Report.Brier, 12);
        Assert.Equal(0.25, sharp.Report.BaselineBrier!.Value, 12);
    }

    [Fact]
    public void Learn_PoolThatIsConsistentlyTooLow_RecalibratesItAndTheProviderAppliesIt()
    {
        // The pool says 0.20 to 0.40 and YES wins 60% of the time whatever it says, over 300 markets.
        var history = Enumerable.Range(0, 300).Select(i =>
        {
            var pooled = 0.2 + (0.1 * (i % 3));
            return Settled($"M{i:000}", pooled, pooled, (i * 7) % 10 < 6, i);
        }).ToList();

        var learning = CalibrationAnalysis.Learn(history, new ScoringOptions(), Now);
        var provider = new LearnedCalibration();
        provider.Set(learning);

        var recalibrator = provider.For("Weather", TimeSpan.FromHours(3));
        Assert.True(recalibrator.Name != "identity", learning.Snapshot.Recalibration);
        Assert.InRange(recalibrator.Apply(Probability.Of(0.3)).Value, 0.55, 0.65);
        Assert.Equal(recalibrator.Name, learning.Recalibration.Global.Recalibrator.Name);
        Assert.DoesNotContain("identity", learning.Snapshot.Recalibration.Split(':')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void LearnedCalibration_BeforeAnyLearning_IsEqualWeightsIdentityAndNoSitOut()
    {
        var provider = new LearnedCalibration();

        Assert.Same(IdentityRecalibrator.Instance, provider.For("Weather", TimeSpan.FromHours(1)));
        Assert.Empty(provider.Current.Global);
        Assert.Null(provider.SitOutReason);
        Assert.Equal(0, provider.Snapshot.SettledMarkets);
        Assert.Null(provider.Snapshot.Desk);
    }
}
