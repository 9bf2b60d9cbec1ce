using Hangfire;
using KalshiDesk.Engine.Reconciliation;

namespace KalshiDesk.Web.Jobs;

/// <summary>Live trading only: compares the ledger with Kalshi every minute; the Engine's service does the work.</summary>
public sealed class ReconciliationJob(ReconciliationService reconciliation)
{
    public const string Id = "reconciliation";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken ct) => reconciliation.RunAsync(ct);
}
