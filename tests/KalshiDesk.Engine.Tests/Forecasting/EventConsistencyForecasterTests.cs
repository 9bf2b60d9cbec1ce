using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting;

public class EventConsistencyForecasterTests
{
    private const string Ladder = "KXHIGHNY-26NOV24";
    private const string Fed = "KXFEDDECISION-26DEC";
    private static readonly DateTimeOffset Now = MarketBuilder.Now;
    private readonly EventConsistencyForecaster _model = new();

    private static MarketSnapshot Strike(decimal strike, decimal bid, decimal ask) =>
        new MarketBuilder().Ticker($"{Ladder}-T{strike}").Quote(bid, ask).Last(null).Build() with { StrikeType = "greater", FloorStrike = strike };

    private static MarketSnapshot Outcome(string code, decimal? bid, decimal? ask, decimal? last = null) =>
        new MarketBuilder().Ticker($"{Fed}-{code}").Quote(bid, ask).Last(last).Build() with { StrikeType = "custom" };

    [Fact]
    public void Forecast_LadderOutOfOrder_PoolsTheViolatorsByOneOverSpread()
    {
        // P(above 62) = 0.65 > P(above 60) = 0.60 cannot both hold. Weights 1/spread: T60 1/0.04 = 25, T62 1/0.01 = 100,
        // T64 1/0.02 = 50. PAVA (highest strike first): 0.30 | 0.65, 0.60 → pooled (25 × 0.60 + 100 × 0.65) / 125 = 0.64.
        var t60 = Strike(60, 0.58m, 0.62m);
        var t62 = Strike(62, 0.645m, 0.655m);
        var t64 = Strike(64, 0.29m, 0.31m);
        var context = new ForecastContext([t60, t62, t64]);

        var at60 = _model.Forecast(t60, context, Now)!;
        var at62 = _model.Forecast(t62, context, Now)!;
        var at64 = _model.Forecast(t64, context, Now)!;

        Assert.Equal((0.64, 0.64, 0.30), (Math.Round(at60.ProbabilityYes.Value, 12), Math.Round(at62.ProbabilityYes.Value, 12), Math.Round(at64.ProbabilityYes.Value, 12)));
        Assert.Equal(2.0 / 3.0, at60.Confidence, 12);
        Assert.Equal(("ladder", "3", "0.6", "60"), (at60.Inputs["kind"], at60.Inputs["markets"], at60.Inputs["price"], at60.Inputs["strike"]));
    }

    [Fact]
    public void Forecast_LadderAlreadyMonotone_KeepsEachMid()
    {
        var t60 = Strike(60, 0.69m, 0.71m);
        var t62 = Strike(62, 0.39m, 0.41m);

        var forecast = _model.Forecast(t62, new ForecastContext([t60, t62]), Now)!;

        Assert.Equal(0.40, forecast.ProbabilityYes.Value, 12);
        Assert.Equal(0.5, forecast.Confidence, 12);
    }

    [Fact]
    public void Forecast_ExclusiveEventOverround_NormalisesToOne()
    {
        // mids 0.50 + 0.40 + 0.30 = 1.20 → 0.50 / 1.20, 0.40 / 1.20, 0.30 / 1.20; the outcome with only a last trade (0.30) counts at it
        var hold = Outcome("H0", 0.49m, 0.51m);
        var cut = Outcome("C25", 0.39m, 0.41m);
        var hike = Outcome("H25", null, 0.35m, last: 0.30m);
        var context = new ForecastContext([hold, cut, hike], new HashSet<string> { Fed });

        var forecasts = new[] { hold, cut, hike }.Select(m => _model.Forecast(m, context, Now)!).ToList();

        Assert.Equal(0.5 / 1.2, forecasts[0].ProbabilityYes.Value, 12);
        Assert.Equal(0.4 / 1.2, forecasts[1].ProbabilityYes.Value, 12);
        Assert.Equal(0.416667, forecasts[0].ProbabilityYes.Value, 6);
        Assert.Equal(0.25, forecasts[2].ProbabilityYes.Value, 12);
        Assert.Equal(("exclusive", "3", "1.2", "0"), (forecasts[0].Inputs["kind"], forecasts[0].Inputs["markets"], forecasts[0].Inputs["sum"], forecasts[0].Inputs["remainder"]));
    }

    [Fact]
    public void Forecast_ExclusiveEventUnderround_LeavesTheRemainderAlone()
    {
        // 0.30 + 0.20 = 0.50: the other half belongs to outcomes not listed, so nothing is scaled up
        var hold = Outcome("H0", 0.29m, 0.31m);
        var cut = Outcome("C25", 0.19m, 0.21m);
        var context = new ForecastContext([hold, cut], new HashSet<string> { Fed });

        var forecast = _model.Forecast(hold, context, Now)!;

        Assert.Equal(0.30, forecast.ProbabilityYes.Value, 12);
        Assert.Equal("0.5", forecast.Inputs["remainder"]);
    }

    [Fact]
    public void Forecast_EventNotKnownExclusive_IsNull()
    {
        var hold = Outcome("H0", 0.49m, 0.51m);
        var cut = Outcome("C25", 0.59m, 0.61m);

        Assert.Null(_model.Forecast(hold, new ForecastContext([hold, cut]), Now));
    }

    [Fact]
    public void Forecast_AloneOrWithoutAPrice_IsNull()
    {
        var t60 = Strike(60, 0.69m, 0.71m);
        var unpriced = new MarketBuilder().Ticker($"{Fed}-H0").Quote(null, 0.40m).Last(null).Build();
        var cut = Outcome("C25", 0.39m, 0.41m);

        Assert.Null(_model.Forecast(t60, new ForecastContext([t60]), Now));
        Assert.Null(_model.Forecast(t60, Now));
        Assert.Null(_model.Forecast(unpriced, new ForecastContext([unpriced, cut], new HashSet<string> { Fed }), Now));
        Assert.Null(_model.Forecast(cut, new ForecastContext([unpriced, cut], new HashSet<string> { Fed }), Now));
    }
}
