using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

public sealed class ForecastLearnerTests
{
    // Longshots below 30¢ win 5 points less often than their price says; the rest are fair.
    private static double PlantedLongshotBias(double price) => price < 0.30 ? Math.Max(0d, price - 0.05) : price;

    private static OpenMarketRow OpenAt(decimal price, string category = "Sports") => new("KXOPEN-1", category, price, null, null, 2);

    [Fact]
    public void Learn_PlantedLongshotBias_RecalibratorLowersCheapPrices()
    {
        var history = SyntheticHistory.Uniform(20_000, 7, PlantedLongshotBias);

        var learned = ForecastLearner.Learn(history);

        double At(double price) => learned.Recalibration.Apply("Sports", Probability.Of(price)).Value;
        Assert.NotEqual(IdentityRecalibrator.ModelName, learned.Recalibration.Global.Recalibrator.Name);
        Assert.All([0.05, 0.10, 0.15, 0.20, 0.25], price => Assert.InRange(At(price), price - 0.08, price - 0.02));
        Assert.All([0.40, 0.60, 0.80], price => Assert.InRange(At(price), price - 0.03, price + 0.03));
    }

    [Fact]
    public void Forecast_PlantedLongshotBias_IsBelowTheCheapPrice()
    {
        var learned = ForecastLearner.Learn(SyntheticHistory.Uniform(20_000, 7, PlantedLongshotBias));

        var forecast = learned.Forecast(OpenAt(0.15m));

        Assert.Equal("KXOPEN-1", forecast.Ticker);
        Assert.Equal(0.15m, forecast.Price);
        Assert.Equal(OfflineModels.All, forecast.Models.Select(m => m.Model));
        Assert.Equal(0.15, forecast.Models[0].ProbabilityYes.Value);
        Assert.Equal(0.14035, forecast.Models[1].ProbabilityYes.Value, 12);
        Assert.Equal(learned.Recalibration.Apply("Sports", Probability.Of(0.15)), forecast.Models[2].ProbabilityYes);
        Assert.InRange(forecast.Probability.Value, 0.08, 0.12);
    }

    [Fact]
    public void Learn_PlantedLongshotBias_ScoresAndWeighsTheRecalibratedPriceAboveThePrice()
    {
        var learned = ForecastLearner.Learn(SyntheticHistory.Uniform(20_000, 7, PlantedLongshotBias));

        var scores = learned.Scores.ToDictionary(s => s.Model);
        Assert.Equal([.. OfflineModels.All, LearnedForecaster.Probability], learned.Scores.Select(s => s.Model));
        Assert.All(learned.Scores, s => Assert.Equal(20_000, s.Count));
        Assert.Equal(0d, scores[OfflineModels.MarketImplied].BrierSkill);
        Assert.True(scores[OfflineModels.Recalibrated].Brier < scores[OfflineModels.MarketImplied].Brier, $"{scores[OfflineModels.Recalibrated]}");
        Assert.True(scores[LearnedForecaster.Probability].Brier < scores[OfflineModels.MarketImplied].Brier, $"{scores[LearnedForecaster.Probability]}");
        Assert.Equal(OfflineModels.Recalibrated, learned.Weights.Global.MaxBy(w => w.Value).Key);
    }

    [Fact]
    public void Learn_ShortHistory_KeepsThePrice()
    {
        var history = SyntheticHistory.Uniform(30, 3, p => p);

        var learned = ForecastLearner.Learn(history);

        Assert.Same(IdentityRecalibrator.Instance, learned.Recalibration.Global.Recalibrator);
        Assert.Equal("identity: 30 settled forecasts, fewer than the 50 needed to recalibrate", learned.Recalibration.Global.Reason);
        Assert.Empty(learned.Recalibration.ByCategory);
        Assert.Equal(0.42, learned.Forecast(OpenAt(0.42m)).Models[2].ProbabilityYes.Value);
    }

    [Fact]
    public void Learn_Scores_AreOutOfSampleNotInSample()
    {
        // Outcomes are coin flips whatever the price: any curve fitted to them fits noise, which only shows out of sample.
        var history = SyntheticHistory.Uniform(400, 11, _ => 0.5);

        var learned = ForecastLearner.Learn(history);

        var recalibration = learned.Recalibration;
        var inSample = CalibrationMetrics.Brier(history.Select(r => new ForecastOutcome(recalibration.Apply(r.Category, Probability.Of((double)r.Price)), r.YesWon)).ToList());
        Assert.NotEqual(IdentityRecalibrator.ModelName, recalibration.Global.Recalibrator.Name);
        Assert.True(learned.Scores[2].Brier > inSample, $"out of sample {learned.Scores[2].Brier}, in sample {inSample}");
    }

    [Fact]
    public void Learn_CategoryBiasedTheOtherWay_GetsACorrectionOfItsOwn()
    {
        // Sports is fair; Weather's cheap markets win 10 points more often than priced.
        var sports = SyntheticHistory.Uniform(6_000, 5, p => p).Select(r => r with { Category = "Sports" });
        var weather = SyntheticHistory.Uniform(6_000, 6, p => p < 0.5 ? p + 0.10 : p).Select(r => r with { Category = "Weather", Ticker = "W" + r.Ticker });
        var history = sports.Concat(weather).ToList();

        var learned = ForecastLearner.Learn(history);

        Assert.Equal(["Sports", "Weather"], learned.Recalibration.ByCategory.Keys.Order());
        Assert.NotEqual(IdentityRecalibrator.ModelName, learned.Recalibration.ByCategory["Weather"].Recalibrator.Name);
        Assert.InRange(learned.Forecast(OpenAt(0.30m, "Weather")).Models[2].ProbabilityYes.Value, 0.36, 0.44);
        Assert.InRange(learned.Forecast(OpenAt(0.30m, "Sports")).Models[2].ProbabilityYes.Value, 0.27, 0.33);
    }

    [Fact]
    public void Learn_NoHistory_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ForecastLearner.Learn([]));
}
