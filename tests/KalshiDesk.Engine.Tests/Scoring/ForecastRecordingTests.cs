using System.Text.Json;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Scoring;

public class ForecastRecordingTests
{
    [Fact]
    public async Task Cycle_RecordsTheForecastWithItsDecisionTimeMarketPriceAndEveryModel()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        var forecast = await context.Forecasts.Include(f => f.Models).SingleAsync();
        Assert.Equal(("KXHIGHNY-26NOV24-T60", EngineHarness.Start, proposal.CycleId), (forecast.Ticker, forecast.DecisionTime, forecast.CycleId));
        Assert.Equal(0.54, forecast.MarketProbabilityYes, 12);          // the 53/55 quote's mid
        Assert.Equal(proposal.ProbabilityYes, forecast.ProbabilityYes, 12);
        Assert.Equal(0.634229, forecast.PooledProbabilityYes, 6);       // identity: pooled and calibrated agree
        Assert.Equal("identity", forecast.Recalibrator);
        Assert.Null(forecast.YesWon);
        Assert.Null(forecast.ScoredAt);
        Assert.Equal(["favourite-longshot", "market-implied", "order-flow"], forecast.Models.Select(m => m.Model).Order());
        var implied = forecast.Models.Single(m => m.Model == "market-implied");
        Assert.Equal(0.66, implied.ProbabilityYes, 12);
        Assert.InRange(implied.Confidence, 0.01, 1);
        var inputs = JsonSerializer.Deserialize<Dictionary<string, string>>(implied.Inputs)!;
        Assert.NotEmpty(inputs);
    }

    [Fact]
    public async Task Cycle_SameMarketWithinTheInterval_IsRecordedOnceThenAgainAfterIt()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();

        await cycle.RunAsync();
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        await cycle.RunAsync();
        int afterAMinute;
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            afterAMinute = await context.Forecasts.CountAsync();
        }

        desk.Time.Advance(TimeSpan.FromMinutes(60));
        await cycle.RunAsync();

        await using var after = await desk.Db.CreateDbContextAsync();
        Assert.Equal(1, afterAMinute);
        Assert.Equal([EngineHarness.Start, EngineHarness.Start.AddMinutes(61)], await after.Forecasts.OrderBy(f => f.DecisionTime).Select(f => f.DecisionTime).ToListAsync());
    }

    [Fact]
    public async Task Cycle_MarketWithNoPriceAtAll_IsNotRecorded()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Ticker("PRICED").Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("BARE").Quote(null, null).Last(null).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(["PRICED"], await context.Forecasts.Select(f => f.Ticker).ToListAsync());
    }

    [Fact]
    public void Inputs_TooLongForTheColumn_DropsValuesFromTheEndAndSaysSo()
    {
        var inputs = Enumerable.Range(0, 60).ToDictionary(i => $"k{i:00}", _ => new string('x', 100));

        var json = ForecastRecorder.Inputs(inputs);

        var kept = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        Assert.True(json.Length <= ForecastRecorder.MaxInputsLength);
        Assert.Contains("k00", kept.Keys);
        Assert.DoesNotContain("k59", kept.Keys);
        Assert.Equal($"{61 - kept.Count} inputs left out for length", kept["truncated"]);
    }
}
