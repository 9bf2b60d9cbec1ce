using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Engine.Tests.Forecasting;

public class EnsembleForecasterTests
{
    private static readonly DateTimeOffset Now = MarketBuilder.Now;

    private sealed class FixedForecaster(string name, double? p) : IForecaster
    {
        public string Name => name;

        public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) =>
            p is { } value ? new Forecast(name, Probability.Of(value), 0.5, decisionTime, new Dictionary<string, string>()) : null;
    }

    private sealed class ThrowingForecaster : IForecaster
    {
        public string Name => "broken";

        public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) => throw new InvalidOperationException("bug");
    }

    private sealed class HalvingRecalibrator : IRecalibrator
    {
        public string Name => "halving";

        public Probability Apply(Probability forecast) => Probability.Of(forecast.Value / 2);
    }

    private sealed class RecordingCalibration(IRecalibrator recalibrator) : ICalibrationProvider
    {
        public (string Category, TimeSpan TimeToClose)? Asked { get; private set; }

        public IRecalibrator For(string category, TimeSpan timeToClose)
        {
            Asked = (category, timeToClose);
            return recalibrator;
        }
    }

    private static EnsembleWeights Global(params (string Model, double Weight)[] weights) =>
        new(weights.ToDictionary(w => w.Model, w => w.Weight), new Dictionary<string, IReadOnlyDictionary<string, double>>());

    private static EnsembleForecaster Ensemble(IEnumerable<IForecaster> models, EnsembleWeights? weights = null, ICalibrationProvider? calibration = null)
    {
        var provider = new InMemoryEnsembleWeightsProvider();
        if (weights is not null)
        {
            provider.Set(weights);
        }

        return new EnsembleForecaster(models, provider, calibration ?? new InMemoryCalibrationProvider(), NullLogger<EnsembleForecaster>.Instance);
    }

    [Fact]
    public void Forecast_TwoModelsWithWeights_PoolsTheirLogOdds()
    {
        // 0.75 × logit(0.8) + 0.25 × logit(0.4) = 0.75 × ln 4 + 0.25 × ln(2/3) = ln 2.555774 → p = 2.555774 / 3.555774 = 0.718767;
        // disagreement = population sd of (ln 4, ln(2/3)) = (ln 4 − ln(2/3)) / 2 = ln 6 / 2 = 0.895880
        var ensemble = Ensemble([new FixedForecaster("a", 0.8), new FixedForecaster("b", 0.4)], Global(("a", 3), ("b", 1)));

        var blend = ensemble.Forecast(new MarketBuilder().Build(), ForecastContext.Empty, Now)!;

        Assert.Equal(0.718767, blend.Pooled.ProbabilityYes.Value, 6);
        Assert.Equal(Math.Pow(4, 0.75) * Math.Pow(2.0 / 3.0, 0.25) / (1 + (Math.Pow(4, 0.75) * Math.Pow(2.0 / 3.0, 0.25))), blend.Pooled.ProbabilityYes.Value, 12);
        Assert.Equal(Math.Log(6) / 2, blend.Disagreement, 12);
        Assert.Equal(0.895880, blend.Disagreement, 6);
        Assert.Equal(blend.Pooled.ProbabilityYes, blend.ProbabilityYes);
        Assert.Equal(IdentityRecalibrator.ModelName, blend.Recalibrator);
        Assert.Equal([("a", 0.8), ("b", 0.4)], blend.Models.Select(f => (f.Model, f.ProbabilityYes.Value)));
        Assert.Equal((0.75, 0.25), (blend.Pooled.Weights["a"], blend.Pooled.Weights["b"]));
        Assert.Equal(Now, blend.DecisionTime);
    }

    [Fact]
    public void Forecast_AModelWithNothingToSayOrThatFails_IsLeftOut()
    {
        // Equal weights: σ((logit 0.8 + logit 0.4) / 2) = σ(ln(8/3) / 2) = √(8/3) / (1 + √(8/3)) = 0.620204
        var ensemble = Ensemble([new FixedForecaster("a", 0.8), new FixedForecaster("silent", null), new ThrowingForecaster(), new FixedForecaster("b", 0.4)]);

        var blend = ensemble.Forecast(new MarketBuilder().Build(), ForecastContext.Empty, Now)!;

        Assert.Equal(["a", "b"], blend.Models.Select(f => f.Model));
        Assert.Equal(Math.Sqrt(8.0 / 3.0) / (1 + Math.Sqrt(8.0 / 3.0)), blend.ProbabilityYes.Value, 12);
        Assert.Equal(0.620204, blend.ProbabilityYes.Value, 6);
        Assert.Equal(Math.Log(6) / 2, blend.Disagreement, 12);
        Assert.Equal(2, blend.Pooled.ModelCount);
    }

    [Fact]
    public void Forecast_CategoryWithItsOwnWeights_UsesThem()
    {
        // weather weights a:b = 1:3 → 0.25 × ln 4 + 0.75 × ln(2/3) = ln(4^0.25 × (2/3)^0.75) = ln 1.043390 → p = 0.510617
        var weights = new EnsembleWeights(
            new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 },
            new Dictionary<string, IReadOnlyDictionary<string, double>> { ["weather"] = new Dictionary<string, double> { ["a"] = 0.25, ["b"] = 0.75 } });
        var ensemble = Ensemble([new FixedForecaster("a", 0.8), new FixedForecaster("b", 0.4)], weights);

        var blend = ensemble.Forecast(new MarketBuilder().Build(), ForecastContext.Empty, Now)!;

        Assert.Equal(0.510617, blend.ProbabilityYes.Value, 6);
    }

    [Fact]
    public void Forecast_WithARecalibrator_CalibratesThePoolForTheMarketsCategoryAndHorizon()
    {
        var calibration = new RecordingCalibration(new HalvingRecalibrator());
        var ensemble = Ensemble([new FixedForecaster("a", 0.8), new FixedForecaster("b", 0.8)], calibration: calibration);

        var blend = ensemble.Forecast(new MarketBuilder().ClosesIn(TimeSpan.FromHours(6)).Build(), ForecastContext.Empty, Now)!;

        Assert.Equal((0.8, 0.4, "halving"), (blend.Pooled.ProbabilityYes.Value, blend.Calibrated.Value, blend.Recalibrator));
        Assert.Equal(0d, blend.Disagreement);
        Assert.Equal(("weather", TimeSpan.FromHours(6)), calibration.Asked);
    }

    [Fact]
    public void Forecast_NoModelHasAnything_IsNull()
    {
        var ensemble = Ensemble([new FixedForecaster("silent", null), new ThrowingForecaster()]);

        Assert.Null(ensemble.Forecast(new MarketBuilder().Build(), ForecastContext.Empty, Now));
    }

    [Fact]
    public void Forecast_ContextualModel_GetsTheCyclesContext()
    {
        // The order-flow model speaks only with a book; the ensemble hands it the context's.
        var market = new MarketBuilder().Build();
        var book = new OrderBook([new BookLevel(Price.FromDollars(0.53m), Quantity.Of(100))], [new BookLevel(Price.FromDollars(0.45m), Quantity.Of(100))]);
        var ensemble = Ensemble([new OrderFlowForecaster()]);

        Assert.Null(ensemble.Forecast(market, ForecastContext.Empty, Now));
        Assert.Equal(0.54, ensemble.Forecast(market, new ForecastContext([market]).WithBook(market.Ticker, book), Now)!.ProbabilityYes.Value, 12);
    }
}
