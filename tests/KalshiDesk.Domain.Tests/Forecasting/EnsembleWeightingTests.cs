using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Forecasting;

public class EnsembleWeightingTests
{
    private static readonly Dictionary<string, IReadOnlyList<ModelSkill>> NoCategories = [];

    [Fact]
    public void Weights_TwoModels50ForecastsEach_AreHalfwayToTheirSkill()
    {
        // Mean 0.65; advantages ∓0.05 shrunk by 50/(50 + 50) to ∓0.025; exp(±10 × 0.025) → w_a = σ(0.5) = 0.622459.
        var weights = EnsembleWeighting.Weights([new("a", 50, 0.60), new("b", 50, 0.70)]);

        Assert.Equal(0.622459, weights["a"], 6);
        Assert.Equal(0.377541, weights["b"], 6);
    }

    [Fact]
    public void Weights_ThirdModelWithNoHistory_SitsAtTheAverage()
    {
        // c has no forecasts: advantage 0. exp(0.25) : exp(−0.25) : 1 = 1.284025 : 0.778801 : 1 over 3.062826.
        var weights = EnsembleWeighting.Weights([new("a", 50, 0.60), new("b", 50, 0.70), new("c", 0, 0d)]);

        Assert.Equal(0.419229, weights["a"], 6);
        Assert.Equal(0.254275, weights["b"], 6);
        Assert.Equal(0.326496, weights["c"], 6);
    }

    [Fact]
    public void Weights_NoHistory_AreEqual()
    {
        var weights = EnsembleWeighting.Weights([new("a", 0, 0d), new("b", 0, 0d), new("c", 0, 0d)]);

        Assert.All(weights.Values, w => Assert.Equal(1d / 3, w, 12));
    }

    [Fact]
    public void Fit_CategoryWithEnoughData_ShrinksTowardTheGlobalWeights()
    {
        // Globally a and b tie (advantage 0). In Sports (300 forecasts ≥ 200) a leads by 0.1 nats each side of the mean:
        // advantage ∓0.1 × 150/(150 + 50) + 0.25 × 0 = ∓0.075 → w_a = σ(2 × 10 × 0.075) = σ(1.5) = 0.817574.
        var global = new ModelSkill[] { new("a", 1000, 0.60), new("b", 1000, 0.60) };
        var byCategory = new Dictionary<string, IReadOnlyList<ModelSkill>>
        {
            ["Sports"] = [new("a", 150, 0.50), new("b", 150, 0.70)],
            ["Weather"] = [new("a", 50, 0.30), new("b", 50, 0.90)],
        };

        var weights = EnsembleWeighting.Fit(global, byCategory);

        Assert.Equal(0.817574, weights.For("Sports")["a"], 6);
        Assert.False(weights.ByCategory.ContainsKey("Weather")); // 100 forecasts: too few, global weights apply
        Assert.Equal(0.5, weights.For("Weather")["a"], 12);
        Assert.Equal(0.5, weights.For(null)["a"], 12);
    }

    [Fact]
    public void Fit_SettledForecasts_ScoresEachModelByMeanLogLoss()
    {
        // Four YES outcomes; a said 0.8 (−ln 0.8 = 0.223144 each), b said 0.5 (ln 2 = 0.693147 each).
        var settled = Enumerable.Range(0, 4)
            .SelectMany(_ => new[] { Settled("a", 0.8), Settled("b", 0.5) })
            .ToList();

        var skills = EnsembleWeighting.Skills(settled);
        var weights = EnsembleWeighting.Fit(settled);

        Assert.Equal(0.223144, skills.Single(s => s.Model == "a").MeanLogLoss, 6);
        Assert.Equal(0.693147, skills.Single(s => s.Model == "b").MeanLogLoss, 6);

        // Mean 0.458146, advantages ∓0.235002, shrunk by 4/54 → ∓0.017408; w_a = σ(20 × 0.017408) = σ(0.348151) = 0.586169.
        Assert.Equal(0.586169, weights.Global["a"], 6);
        Assert.Empty(weights.ByCategory);
    }

    [Fact]
    public void Weights_SameModelTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => EnsembleWeighting.Weights([new("a", 10, 0.5), new("a", 10, 0.6)]));
    }

    [Property]
    public Property Weights_ShrinkTowardEqualAsHistoryThins(byte lossA, byte lossB, byte lossC)
    {
        // Same count n for every model: w_max / w_min = exp(η·n/(n + n₀)·spread), which falls to 1 as n → 0.
        double[] losses = [0.1 + (lossA / 100d), 0.1 + (lossB / 100d), 0.1 + (lossC / 100d)];
        double Ratio(int n)
        {
            var weights = EnsembleWeighting.Weights(losses.Select((l, i) => new ModelSkill($"m{i}", n, l)).ToList());
            return weights.Values.Max() / weights.Values.Min();
        }

        var ratios = new[] { 10_000, 500, 50, 5, 1, 0 }.Select(Ratio).ToList();

        return (ratios.Zip(ratios.Skip(1)).All(p => p.Second <= p.First + 1e-12) && Math.Abs(ratios[^1] - 1d) < 1e-12)
            .Label(string.Join(", ", ratios));
    }

    [Property]
    public Property Weights_SumToOneAndFavourTheLowerLogLoss(byte lossA, byte lossB, byte countA, byte countB)
    {
        var weights = EnsembleWeighting.Weights([new("a", countA, 0.1 + (lossA / 100d)), new("b", countB, 0.1 + (lossB / 100d))]);

        // Within rounding: with one model unscored, the other's advantage over the mean is 0 up to a last-bit error.
        const double rounding = 1e-12;
        var favoursBetter = lossA == lossB || countA + countB == 0 || (lossA < lossB ? weights["a"] >= weights["b"] - rounding : weights["b"] >= weights["a"] - rounding);
        return (Math.Abs(weights.Values.Sum() - 1d) < 1e-12 && favoursBetter).Label($"{weights["a"]} / {weights["b"]}");
    }

    private static SettledForecast Settled(string model, double p) => new(model, "Politics", Probability.Of(p), true);
}
