using Hangfire;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Engine.Events;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Jobs;

/// <summary>
/// Registers the recurring cycle (every minute) and runs one right after start, scoring every five minutes and the
/// circuit breaker's look every minute, and reconciliation every minute (it does nothing while the desk trades on paper)
/// and once the moment an admin switches the desk to live.
/// </summary>
internal sealed class JobScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs, IHostApplicationLifetime lifetime, IDeskEvents events, IOptions<AlertOptions> alerts) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TradingCycleJob>(TradingCycleJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        lifetime.ApplicationStarted.Register(() => jobs.Enqueue<TradingCycleJob>(j => j.RunAsync(CancellationToken.None)));

        // Paper and live alike: forecasts are scored against the exchange's settlements, whatever broker traded.
        recurring.AddOrUpdate<ScoringJob>(ScoringJob.Id, j => j.RunAsync(CancellationToken.None), ScoringJob.Schedule);

        // The circuit breaker looks every minute whether or not a cycle runs.
        recurring.AddOrUpdate<RiskJob>(RiskJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());

        // The day's summary alert at Notifications:DailySummaryTime, New York time (removed when off or nowhere to send it).
        DailySummaryJob.Schedule(recurring, alerts.Value);

        // Live trading reconciles with the exchange at start, every minute, and once right after an admin switches to live;
        // the job itself skips while the desk trades on paper (its ledger is its own record).
        recurring.AddOrUpdate<ReconciliationJob>(ReconciliationJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        lifetime.ApplicationStarted.Register(() => jobs.Enqueue<ReconciliationJob>(j => j.RunAsync(CancellationToken.None)));
        _subscription = events.Subscribe(e =>
        {
            if (e is DeskModeChanged { Mode: "live", Refusal: null })
            {
                jobs.Enqueue<ReconciliationJob>(j => j.RunAsync(CancellationToken.None));
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
