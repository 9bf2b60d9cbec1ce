using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Forecasting;

public class LogOddsPoolTests
{
    private static readonly Dictionary<string, double> NoWeights = [];

    [Fact]
    public void Pool_TwoModelsEqualWeights_IsTheGeometricMeanOfOdds()
    {
        // Odds 0.25 and 1.5 → √0.375 = 0.612372 → p = 0.612372 / 1.612372 = 0.379796.
        // Logits ln 0.25 = −1.386294 and ln 1.5 = 0.405465: population sd = half their gap = 0.895880.
        var pooled = LogOddsPool.Pool([Forecast("a", 0.2), Forecast("b", 0.6)], NoWeights)!;

        Assert.Equal(0.379796, pooled.ProbabilityYes.Value, 6);
        Assert.Equal(0.895880, pooled.Disagreement, 6);
        Assert.Equal(0.5, pooled.Weights["a"], 12);
        Assert.Equal(2, pooled.ModelCount);
    }

    [Fact]
    public void Pool_ThreeWeightedModels_WeighsTheirLogits()
    {
        // Logits 0.847298 (0.7), 0 (0.5), 2.197225 (0.9); weights 0.5, 0.3, 0.2:
        // 0.5 × 0.847298 + 0.2 × 2.197225 = 0.863094 → σ = 0.703307.
        // Mean logit 1.014841; deviations −0.167543, −1.014841, 1.182384 → sd √(2.456005 / 3) = 0.904803.
        var weights = new Dictionary<string, double> { ["a"] = 5, ["b"] = 3, ["c"] = 2 };

        var pooled = LogOddsPool.Pool([Forecast("a", 0.7), Forecast("b", 0.5), Forecast("c", 0.9)], weights)!;

        Assert.Equal(0.703307, pooled.ProbabilityYes.Value, 6);
        Assert.Equal(0.904803, pooled.Disagreement, 6);
        Assert.Equal(0.5, pooled.Weights["a"], 12);
        Assert.Equal(0.3, pooled.Weights["b"], 12);
        Assert.Equal(0.2, pooled.Weights["c"], 12);
    }

    [Fact]
    public void Pool_ModelWithoutAWeight_GetsAnEqualShare()
    {
        // Two weighted models (0.75 and 0.25) → a newcomer weighs 1/2 before normalising: 0.75 : 0.25 : 0.5.
        var weights = new Dictionary<string, double> { ["a"] = 0.75, ["b"] = 0.25 };

        var pooled = LogOddsPool.Pool([Forecast("a", 0.6), Forecast("new", 0.4)], weights)!;

        Assert.Equal(0.6, pooled.Weights["a"], 12);
        Assert.Equal(0.4, pooled.Weights["new"], 12);
    }

    [Fact]
    public void Pool_MissingModelIsLeftOut_WeightsRenormalise()
    {
        var weights = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.3, ["c"] = 0.2 };

        var pooled = LogOddsPool.Pool([Forecast("b", 0.6), Forecast("c", 0.6)], weights)!;

        Assert.Equal(0.6, pooled.Weights["b"], 12);
        Assert.Equal(0.6, pooled.ProbabilityYes.Value, 12);
    }

    [Fact]
    public void Pool_NoForecasts_IsNull()
    {
        Assert.Null(LogOddsPool.Pool([], NoWeights));
    }

    [Fact]
    public void Pool_SameModelTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => LogOddsPool.Pool([Forecast("a", 0.2), Forecast("a", 0.3)], NoWeights));
    }

    [Fact]
    public void Pool_CategoryWithItsOwnWeights_UsesThem()
    {
        var weights = new EnsembleWeights(
            new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 },
            new Dictionary<string, IReadOnlyDictionary<string, double>> { ["Sports"] = new Dictionary<string, double> { ["a"] = 0.9, ["b"] = 0.1 } });

        Assert.Equal(0.9, LogOddsPool.Pool([Forecast("a", 0.3), Forecast("b", 0.6)], weights, "Sports")!.Weights["a"], 12);
        Assert.Equal(0.5, LogOddsPool.Pool([Forecast("a", 0.3), Forecast("b", 0.6)], weights, "Weather")!.Weights["a"], 12);
        Assert.Equal(0.5, LogOddsPool.Pool([Forecast("a", 0.3), Forecast("b", 0.6)], weights, null)!.Weights["a"], 12);
    }

    [Property]
    public Property Pool_LiesBetweenTheSmallestAndLargestInput(byte[] cents, byte[] rawWeights)
    {
        var forecasts = cents.Select((c, i) => Forecast($"m{i}", c / 255d)).ToList();
        if (forecasts.Count == 0)
        {
            return true.ToProperty();
        }

        var weights = forecasts.Select((f, i) => (f.Model, Weight: i < rawWeights.Length ? rawWeights[i] + 1d : 1d)).ToDictionary(p => p.Model, p => p.Weight);
        var pooled = LogOddsPool.Pool(forecasts, weights)!.ProbabilityYes.Value;
        var min = forecasts.Min(f => f.ProbabilityYes.Value);
        var max = forecasts.Max(f => f.ProbabilityYes.Value);

        return (pooled >= min && pooled <= max).Label($"{min} ≤ {pooled} ≤ {max}");
    }

    [Property]
    public Property Pool_EqualInputs_GiveThatInputAndNoDisagreement(byte cents, byte models)
    {
        var p = cents / 255d;
        var forecasts = Enumerable.Range(0, (models % 5) + 1).Select(i => Forecast($"m{i}", p)).ToList();

        var pooled = LogOddsPool.Pool(forecasts, NoWeights)!;

        return (pooled.ProbabilityYes.Value == p && pooled.Disagreement < 1e-9).Label($"{p}: {pooled}");
    }

    [Fact]
    public void Disagreement_OneModel_IsZero()
    {
        Assert.Equal(0d, LogOddsPool.Disagreement([Forecast("a", 0.9)]));
    }

    private static ModelForecast Forecast(string model, double p) => new(model, Probability.Of(p));
}
