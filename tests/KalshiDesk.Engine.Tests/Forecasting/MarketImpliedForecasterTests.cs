using KalshiDesk.Engine.Forecasting;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting;

public class MarketImpliedForecasterTests
{
    private readonly MarketImpliedForecaster _model = new();

    [Fact]
    public void Forecast_TightQuoteAndLastTrade_WeighsTheTrade75Percent()
    {
        // spread 0.02 → weight on last 0.7 + 2.5 × 0.02 = 0.75; 0.75 × 0.70 + 0.25 × 0.54 = 0.66
        var forecast = _model.Forecast(new MarketBuilder().Last(0.70m).Build(), MarketBuilder.Now)!;

        Assert.Equal(0.66, forecast.ProbabilityYes.Value, 10);
        Assert.Equal("0.75", forecast.Inputs["weight_on_last"]);
        Assert.Equal(MarketBuilder.Now, forecast.DecisionTime);
        Assert.Equal(0.9, forecast.Confidence, 10);
    }

    [Fact]
    public void Forecast_WideQuote_TrustsTheTradeMore()
    {
        // spread 0.20 → weight capped at 0.95; 0.95 × 0.30 + 0.05 × 0.50 = 0.31
        var forecast = _model.Forecast(new MarketBuilder().Quote(0.40m, 0.60m).Last(0.30m).Build(), MarketBuilder.Now)!;

        Assert.Equal(0.31, forecast.ProbabilityYes.Value, 10);
    }

    [Fact]
    public void Forecast_NoTradeYet_IsTheMid() =>
        Assert.Equal(0.54, _model.Forecast(new MarketBuilder().Last(null).Build(), MarketBuilder.Now)!.ProbabilityYes.Value, 10);

    [Fact]
    public void Forecast_NothingToGoOn_IsNull() =>
        Assert.Null(_model.Forecast(new MarketBuilder().Quote(null, 0.55m).Last(null).Build(), MarketBuilder.Now));

    [Fact]
    public void Forecast_NeverCertain()
    {
        Assert.Equal(0.99, _model.Forecast(new MarketBuilder().Quote(null, null).Last(1.0m).Build(), MarketBuilder.Now)!.ProbabilityYes.Value, 10);
    }
}
