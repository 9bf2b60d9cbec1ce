using Hangfire;

namespace KalshiDesk.Web.Jobs;

/// <summary>Registers the recurring cycle (every minute) and runs one right after start.</summary>
internal sealed class JobScheduler(IRecurringJobManager recurring, IBackgroundJobClient jobs, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<TradingCycleJob>(TradingCycleJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        lifetime.ApplicationStarted.Register(() => jobs.Enqueue<TradingCycleJob>(j => j.RunAsync(CancellationToken.None)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
