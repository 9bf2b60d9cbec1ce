using FsCheck;
using FsCheck.Xunit;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Markets;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Engine.Tests.Forecasting;

public class OrderFlowForecasterTests
{
    private static readonly DateTimeOffset Now = MarketBuilder.Now;
    private readonly OrderFlowForecaster _model = new();

    private static BookLevel Level(decimal price, decimal size) => new(Price.FromDollars(price), Quantity.Of(size));

    private static ForecastContext With(MarketSnapshot market, OrderBook book, IRecentTrades? trades = null) =>
        new([market], books: t => t == market.Ticker ? book : null, trades: trades);

    [Fact]
    public void Forecast_DeeperYesBids_NudgesTheMidUp()
    {
        // YES depth over the best 3 levels 300 + 200 + 100 = 600 (the 4th level is not counted), NO 100 + 100 = 200:
        // I = 400 / 800 = 0.5, s = 0.5 × 0.5 = 0.25, logit(p) = logit(0.54) + 0.1 × 0.25 → p = 0.546203
        var market = new MarketBuilder().Build();
        var book = new OrderBook([Level(0.53m, 300), Level(0.52m, 200), Level(0.51m, 100), Level(0.50m, 1000)], [Level(0.45m, 100), Level(0.44m, 100)]);

        var forecast = _model.Forecast(market, With(market, book), Now)!;

        Assert.Equal(LogOdds.Logistic(LogOdds.Logit(0.54) + 0.025), forecast.ProbabilityYes.Value, 12);
        Assert.Equal(0.546203, forecast.ProbabilityYes.Value, 6);
        Assert.Equal(("0.54", "0.5", "0", "0", "0.025"), (forecast.Inputs["mid"], forecast.Inputs["imbalance"], forecast.Inputs["taker_flow"], forecast.Inputs["move"], forecast.Inputs["shift_logit"]));
        Assert.Equal(800.0 / 1300.0, forecast.Confidence, 12);
    }

    [Fact]
    public void Forecast_TakerFlowAndAMove_FollowsTheFlowAndFadesTheMove()
    {
        // Balanced book (I = 0). In the last 15 min: 100 taken by YES at 50¢, then 50 by NO at 60¢ (older and later trades ignored).
        // F = (100 − 50) / 150 = 1/3; M = (logit 0.60 − logit 0.50) / 0.5 = 0.810930; s = 0.3 × 1/3 − 0.2 × 0.810930 = −0.062186
        var market = new MarketBuilder().Build();
        var book = new OrderBook([Level(0.53m, 100)], [Level(0.45m, 100)]);
        var tape = new TradeTape();
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars(0.90m), Quantity.Of(999), Side.Yes, Now.AddMinutes(-20)));
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars(0.60m), Quantity.Of(50), Side.No, Now.AddMinutes(-5)));
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars(0.50m), Quantity.Of(100), Side.Yes, Now.AddMinutes(-10)));
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars(0.10m), Quantity.Of(999), Side.No, Now.AddMinutes(1)));
        tape.Add(new RecentTrade("OTHER-MARKET", Price.FromDollars(0.10m), Quantity.Of(999), Side.No, Now.AddMinutes(-1)));

        var forecast = _model.Forecast(market, With(market, book, tape), Now)!;

        var signal = (0.3 / 3) - (0.2 * (LogOdds.Logit(0.60) - LogOdds.Logit(0.50)) / 0.5);
        Assert.Equal(-0.062186, signal, 6);
        Assert.Equal(LogOdds.Logistic(LogOdds.Logit(0.54) + (0.1 * signal)), forecast.ProbabilityYes.Value, 12);
        Assert.Equal(0.538455, forecast.ProbabilityYes.Value, 6);
        Assert.Equal("2", forecast.Inputs["trades"]);
        Assert.Equal(350.0 / 850.0, forecast.Confidence, 12);
    }

    [Fact]
    public void Forecast_OnlyYesBids_UsesTheSnapshotMid()
    {
        // No NO bids: the book has no ask, so the mid is the snapshot's 0.54; I = 1 → shift 0.05
        var market = new MarketBuilder().Build();
        var book = new OrderBook([Level(0.53m, 100)], []);

        var forecast = _model.Forecast(market, With(market, book), Now)!;

        Assert.Equal(0.552393, forecast.ProbabilityYes.Value, 6);
    }

    [Fact]
    public void Forecast_NoBookOrAnEmptyOne_IsNull()
    {
        var market = new MarketBuilder().Build();

        Assert.Null(_model.Forecast(market, Now));
        Assert.Null(_model.Forecast(market, ForecastContext.Empty, Now));
        Assert.Null(_model.Forecast(market, With(market, OrderBook.Empty), Now));
    }

    [Property(MaxTest = 200)]
    public void Forecast_AnyBookAndTape_MovesTheMidByAtMostATenthOfALogit(PositiveInt yesDepth, PositiveInt noDepth, PositiveInt yesTaken, PositiveInt noTaken, byte firstCents, byte lastCents)
    {
        var market = new MarketBuilder().Build();
        var book = new OrderBook([Level(0.53m, yesDepth.Get)], [Level(0.45m, noDepth.Get)]);
        var tape = new TradeTape();
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars((1 + (firstCents % 99)) / 100m), Quantity.Of(yesTaken.Get), Side.Yes, Now.AddMinutes(-2)));
        tape.Add(new RecentTrade(market.Ticker, Price.FromDollars((1 + (lastCents % 99)) / 100m), Quantity.Of(noTaken.Get), Side.No, Now.AddMinutes(-1)));

        var forecast = _model.Forecast(market, With(market, book, tape), Now)!;

        Assert.InRange(Math.Abs(LogOdds.Logit(forecast.ProbabilityYes.Value) - LogOdds.Logit(0.54)), 0, OrderFlowForecaster.MaxShift + 1e-12);
    }
}
