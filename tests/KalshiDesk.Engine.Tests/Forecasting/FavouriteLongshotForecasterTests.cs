using KalshiDesk.Engine.Forecasting;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting;

public class FavouriteLongshotForecasterTests
{
    private readonly FavouriteLongshotForecaster _model = new();

    [Fact]
    public void Forecast_LastTrade_ReadsTheCurveAtThePricePaid()
    {
        // 70¢ on the fitted table is 0.69584; spread 0.02 → confidence 1 − 5 × 0.02 = 0.9
        var forecast = _model.Forecast(new MarketBuilder().Last(0.70m).Build(), MarketBuilder.Now)!;

        Assert.Equal(0.69584, forecast.ProbabilityYes.Value, 10);
        Assert.Equal(0.9, forecast.Confidence, 10);
        Assert.Equal(("0.7000", "last", "48"), (forecast.Inputs["price"], forecast.Inputs["price_source"], forecast.Inputs["hours_to_close"]));
        Assert.Equal(FavouriteLongshotForecaster.ModelName, forecast.Model);
    }

    [Fact]
    public void Forecast_NoTradeYet_InterpolatesAtTheMid()
    {
        // mid 11.5¢: halfway between 11¢ (0.09972) and 12¢ (0.11046) = 0.10509; spread 0.03 → confidence 0.85
        var forecast = _model.Forecast(new MarketBuilder().Quote(0.10m, 0.13m).Last(null).Build(), MarketBuilder.Now)!;

        Assert.Equal(0.10509, forecast.ProbabilityYes.Value, 10);
        Assert.Equal(0.85, forecast.Confidence, 10);
        Assert.Equal("mid", forecast.Inputs["price_source"]);
    }

    [Fact]
    public void Forecast_OneSidedBook_TrustsLittle()
    {
        // 5¢ → 0.04225; no spread → confidence 0.3
        var forecast = _model.Forecast(new MarketBuilder().Quote(null, 0.07m).Last(0.05m).Build(), MarketBuilder.Now)!;

        Assert.Equal(0.04225, forecast.ProbabilityYes.Value, 10);
        Assert.Equal(0.3, forecast.Confidence, 10);
    }

    [Fact]
    public void Forecast_PastTheClose_CountsNoTimeLeft()
    {
        var forecast = _model.Forecast(new MarketBuilder().ClosesIn(TimeSpan.FromMinutes(-5)).Build(), MarketBuilder.Now)!;

        Assert.Equal("0", forecast.Inputs["hours_to_close"]);
    }

    [Fact]
    public void Forecast_NothingToGoOn_IsNull() =>
        Assert.Null(_model.Forecast(new MarketBuilder().Quote(0.40m, null).Last(null).Build(), MarketBuilder.Now));
}
