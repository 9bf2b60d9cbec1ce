using Hangfire;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Web.Alerts;

namespace KalshiDesk.Web.Jobs;

/// <summary>Once a day at <c>Notifications:DailySummaryTime</c>, New York time; thin: the Engine's <see cref="DailySummary"/> does the work.</summary>
public sealed class DailySummaryJob(DailySummary summary)
{
    public const string Id = "daily-summary";

    // A missed summary is not worth a second one later in the evening: no retries.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken ct) => summary.SendAsync(ct);

    /// <summary>The daily cron at <paramref name="at"/> (minute hour * * *), read in New York time.</summary>
    public static string Cron(TimeOnly at) => Hangfire.Cron.Daily(at.Hour, at.Minute);

    /// <summary>Schedules the summary when it is on and a destination is configured; removes it otherwise.</summary>
    public static void Schedule(IRecurringJobManager recurring, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(recurring);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.DailySummary || !options.HasDestination)
        {
            recurring.RemoveIfExists(Id);
            return;
        }

        recurring.AddOrUpdate<DailySummaryJob>(Id, j => j.RunAsync(CancellationToken.None), Cron(options.DailySummaryTime), new RecurringJobOptions { TimeZone = NewYorkTimeZone.Info });
    }
}
