using Hangfire;
using KalshiDesk.Engine.Trading;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Jobs;

/// <summary>
/// Registers the recurring cycle (every minute) and runs one right after start, scoring every five minutes and the
/// circuit breaker's look every minute; in live mode, reconciliation too.
/// </summary>
internal sealed class JobScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs, IHostApplicationLifetime lifetime, IOptions<TradingOptions> trading) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TradingCycleJob>(TradingCycleJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        lifetime.ApplicationStarted.Register(() => jobs.Enqueue<TradingCycleJob>(j => j.RunAsync(CancellationToken.None)));

        // Paper and live alike: forecasts are scored against the exchange's settlements, whatever broker traded.
        recurring.AddOrUpdate<ScoringJob>(ScoringJob.Id, j => j.RunAsync(CancellationToken.None), ScoringJob.Schedule);

        // The circuit breaker looks every minute whether or not a cycle runs.
        recurring.AddOrUpdate<RiskJob>(RiskJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

        // Live trading reconciles with the exchange at start and every minute; paper trading's ledger is its own record.
        if (trading.Value.Mode == TradingMode.Live)
        {
            recurring.AddOrUpdate<ReconciliationJob>(ReconciliationJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
            lifetime.ApplicationStarted.Register(() => jobs.Enqueue<ReconciliationJob>(j => j.RunAsync(CancellationToken.None)));
        }
        else
        {
            recurring.RemoveIfExists(ReconciliationJob.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
