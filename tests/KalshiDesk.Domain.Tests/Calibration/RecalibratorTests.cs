using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Tests.Calibration;

public class RecalibratorTests
{
    [Fact]
    public void PlattFit_SyntheticData_RecoversSlopeAndIntercept()
    {
        // Truth: P(yes) = σ(1.5·logit(f) − 0.4) for forecasts f with logits uniform on [−3, 3]; 20,000 draws.
        var pairs = Synthetic(new Random(7), 20_000, logit => (1.5 * logit) - 0.4);

        var platt = PlattRecalibrator.Fit(pairs);

        Assert.InRange(platt.Slope, 1.4, 1.6);
        Assert.InRange(platt.Intercept, -0.48, -0.32);
    }

    [Fact]
    public void PlattFit_SeparableHistory_StaysFiniteAndSharpens()
    {
        var pairs = new[] { 0.2, 0.3, 0.4 }.Select(f => ForecastOutcome.Of(f, false))
            .Concat(new[] { 0.6, 0.7, 0.8 }.Select(f => ForecastOutcome.Of(f, true)))
            .ToList();

        var platt = PlattRecalibrator.Fit(pairs);

        Assert.True(double.IsFinite(platt.Slope) && platt.Slope > 1, $"slope {platt.Slope}");
        Assert.True(platt.Apply(Probability.Of(0.7)).Value > 0.9, platt.ToString());
        Assert.True(platt.Apply(Probability.Of(0.99)).Value <= 0.999);
    }

    [Fact]
    public void PlattFit_NoHistory_IsTheIdentity()
    {
        var platt = PlattRecalibrator.Fit([]);

        Assert.Equal(1d, platt.Slope);
        Assert.Equal(0d, platt.Intercept);
        Assert.Equal(0.3, platt.Apply(Probability.Of(0.3)).Value, 12);
    }

    [Fact]
    public void PoolAdjacentViolators_OneViolation_PoolsThePair()
    {
        // y = 1, 3, 2, 4: 3 > 2 violates, pooled to 2.5.
        var fitted = PoolAdjacentViolators.FittedValues([1, 2, 3, 4], [1, 3, 2, 4], [1, 1, 1, 1]);

        Assert.Equal([1d, 2.5, 2.5, 4d], fitted);
    }

    [Fact]
    public void PoolAdjacentViolators_Weighted_PoolsToTheWeightedMeanAndCentre()
    {
        // y 3 (weight 1) then 1 (weight 3): one block at (3 + 3)/4 = 1.5, centre (1 × 10 + 3 × 20)/4 = 17.5.
        var block = Assert.Single(PoolAdjacentViolators.Fit([10, 20], [3, 1], [1, 3]));

        Assert.Equal(1.5, block.Value, 12);
        Assert.Equal(17.5, block.Centre, 12);
        Assert.Equal(4d, block.Weight);
    }

    [Fact]
    public void IsotonicApply_SmallExample_InterpolatesBetweenBlockCentres()
    {
        // 0.2: NO, NO → 0; 0.4: YES, NO → 0.5; 0.6: NO, YES → 0.5 (pooled with 0.4: centre 0.5); 0.8: YES, YES → 1.
        var isotonic = IsotonicRecalibrator.Fit(
        [
            ForecastOutcome.Of(0.2, false), ForecastOutcome.Of(0.2, false),
            ForecastOutcome.Of(0.4, true), ForecastOutcome.Of(0.4, false),
            ForecastOutcome.Of(0.6, false), ForecastOutcome.Of(0.6, true),
            ForecastOutcome.Of(0.8, true), ForecastOutcome.Of(0.8, true),
        ]);

        Assert.Equal([(0.2, 0d), (0.5, 0.5), (0.8, 1d)], isotonic.Knots);
        Assert.Equal(0.25, isotonic.Apply(Probability.Of(0.35)).Value, 12); // halfway from (0.2, 0) to (0.5, 0.5)
        Assert.Equal(0.75, isotonic.Apply(Probability.Of(0.65)).Value, 12);
        Assert.Equal(0.001, isotonic.Apply(Probability.Of(0.1)).Value, 12); // flat below, clamped
        Assert.Equal(0.999, isotonic.Apply(Probability.Of(0.95)).Value, 12);
    }

    [Fact]
    public void IsotonicFit_UnderConfidentForecasts_FixesTheCurve()
    {
        // Truth is twice as extreme in log-odds as the forecasts: a forecast of 0.2 wins 5.9% of the time, 0.8 wins 94.1%.
        static double Truth(double logit) => 2 * logit;
        var training = Synthetic(new Random(11), 5_000, Truth);
        var fresh = Synthetic(new Random(12), 5_000, Truth);

        var isotonic = IsotonicRecalibrator.Fit(training);
        var recalibrated = fresh.Select(p => new ForecastOutcome(isotonic.Apply(p.Forecast), p.YesWon)).ToList();

        foreach (var f in new[] { 0.2, 0.35, 0.5, 0.65, 0.8 })
        {
            var truth = LogOdds.Logistic(Truth(LogOdds.Logit(f)));
            Assert.InRange(isotonic.Apply(Probability.Of(f)).Value, truth - 0.05, truth + 0.05);
        }

        Assert.True(CalibrationMetrics.ExpectedCalibrationError(fresh) > 0.1);
        Assert.True(CalibrationMetrics.ExpectedCalibrationError(recalibrated) < 0.03);
        Assert.True(CalibrationMetrics.LogLoss(recalibrated) < CalibrationMetrics.LogLoss(fresh));
    }

    [Property]
    public Property IsotonicApply_IsMonotoneAndWithinBounds(byte[] forecasts, bool[] outcomes)
    {
        var pairs = forecasts.Zip(outcomes, (f, o) => ForecastOutcome.Of(f / 255d, o)).ToList();
        if (pairs.Count == 0)
        {
            return true.ToProperty();
        }

        var isotonic = IsotonicRecalibrator.Fit(pairs);
        var curve = Enumerable.Range(0, 201).Select(i => isotonic.Apply(Probability.Of(i / 200d)).Value).ToList();

        return (curve.Zip(curve.Skip(1)).All(p => p.First <= p.Second) && curve.All(v => v is >= 0.001 and <= 0.999))
            .Label(isotonic.ToString());
    }

    [Fact]
    public void Choose_FewerThan50Pairs_KeepsTheIdentity()
    {
        var pairs = Synthetic(new Random(3), 49, logit => 3 * logit);

        var choice = RecalibratorChooser.Choose(pairs);

        Assert.Same(IdentityRecalibrator.Instance, choice.Recalibrator);
        Assert.Empty(choice.CrossValidatedLogLoss);
        Assert.Contains("49", choice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Choose_CalibratedHistory_KeepsTheIdentity(int seed)
    {
        var pairs = Synthetic(new Random(seed), 2_000, logit => logit);

        var choice = RecalibratorChooser.Choose(pairs);

        Assert.Same(IdentityRecalibrator.Instance, choice.Recalibrator);
        Assert.Equal(3, choice.CrossValidatedLogLoss.Count);
    }

    [Fact]
    public void Choose_OverConfidentHistory_PicksARecalibratorThatBeatsIdentity()
    {
        // Forecasts twice as extreme as the truth in log-odds: Platt should find a ≈ 0.5.
        var pairs = Synthetic(new Random(31), 2_000, logit => 0.5 * logit);

        var choice = RecalibratorChooser.Choose(pairs);

        Assert.Equal(PlattRecalibrator.ModelName, choice.Recalibrator.Name);
        Assert.True(choice.CrossValidatedLogLoss[PlattRecalibrator.ModelName] < choice.CrossValidatedLogLoss[IdentityRecalibrator.ModelName] - 0.001);
        Assert.InRange(((PlattRecalibrator)choice.Recalibrator).Slope, 0.4, 0.6);
    }

    [Fact]
    public void Choose_NonLogisticBias_PicksIsotonic()
    {
        // A step: every forecast under 0.5 wins 20% of the time, every one above 80%. No logistic curve fits a step.
        var random = new Random(41);
        var pairs = Enumerable.Range(0, 3_000)
            .Select(_ => random.NextDouble() * 0.98 + 0.01)
            .Select(f => ForecastOutcome.Of(f, random.NextDouble() < (f < 0.5 ? 0.2 : 0.8)))
            .ToList();

        var choice = RecalibratorChooser.Choose(pairs);

        Assert.Equal(IsotonicRecalibrator.ModelName, choice.Recalibrator.Name);
    }

    [Fact]
    public void CrossValidatedLogLoss_Identity_EqualsTheRawLogLoss()
    {
        var pairs = Synthetic(new Random(5), 100, logit => logit);

        var cv = RecalibratorChooser.CrossValidatedLogLoss(pairs, _ => IdentityRecalibrator.Instance, 5);

        Assert.Equal(CalibrationMetrics.LogLoss(pairs), cv, 12);
    }

    // Forecasts with logits uniform on [−3, 3]; YES drawn with probability σ(truth(logit)).
    private static List<ForecastOutcome> Synthetic(Random random, int count, Func<double, double> truth) =>
        Enumerable.Range(0, count)
            .Select(_ => (random.NextDouble() * 6) - 3)
            .Select(logit => ForecastOutcome.Of(LogOdds.Logistic(logit), random.NextDouble() < LogOdds.Logistic(truth(logit))))
            .ToList();
}
