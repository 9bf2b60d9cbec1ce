using Hangfire;
using Hangfire.Storage;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Jobs;

/// <summary>Scoring runs as a Hangfire recurring job, paper mode included, and its one call does the Engine's scoring.</summary>
public sealed class ScoringJobTests(DeskApp desk) : IClassFixture<DeskApp>
{
    [Fact]
    public void Scheduler_InPaperMode_RegistersScoringEveryFiveMinutesBesideTheCycle()
    {
        using var connection = desk.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        var scoring = jobs[ScoringJob.Id];
        Assert.Equal("*/5 * * * *", scoring.Cron);
        Assert.Equal(typeof(ScoringJob), scoring.Job.Type);
        Assert.Equal(nameof(ScoringJob.RunAsync), scoring.Job.Method.Name);
        Assert.Equal(typeof(TradingCycleJob), jobs[TradingCycleJob.Id].Job.Type);
        // Registered in paper mode too: the job itself does nothing until an admin switches the desk to live.
        Assert.Equal(typeof(ReconciliationJob), jobs[ReconciliationJob.Id].Job.Type);
    }

    [Fact]
    public async Task Run_AMarketTheExchangeNoLongerListsAWeekAfterItsClose_IsGivenUpUnscored()
    {
        var close = DateTimeOffset.UtcNow.AddDays(-8);
        var id = Guid.NewGuid();
        var factory = desk.Services.GetRequiredService<DeskControlDb>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            context.Forecasts.Add(new ForecastEntity
            {
                Id = id,
                Ticker = "KXGONE-25DEC01-T1",
                EventTicker = "KXGONE-25DEC01",
                Category = "weather",
                DecisionTime = close.AddHours(-2),
                CloseTime = close,
                MarketProbabilityYes = 0.4,
                PooledProbabilityYes = 0.45,
                ProbabilityYes = 0.45,
                Models = [new ModelForecastEntity { ForecastId = id, Model = "alpha", ProbabilityYes = 0.45 }],
            });
            await context.SaveChangesAsync();
        }

        await desk.Services.GetRequiredService<ScoringJob>().RunAsync(CancellationToken.None);

        await using var check = await factory.CreateDbContextAsync();
        var row = await check.Forecasts.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.NotNull(row.ScoredAt);
        Assert.Null(row.YesWon);
        Assert.Null(row.SettledAt);
    }
}
