using Hangfire;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Reconciliation;

namespace KalshiDesk.Web.Jobs;

/// <summary>
/// Compares the ledger with Kalshi every minute while the desk trades live, and does nothing while it trades on paper (a
/// paper ledger is its own record). Thin: the Engine's service does the work.
/// </summary>
public sealed class ReconciliationJob(DeskModeStore modes, ReconciliationService reconciliation)
{
    public const string Id = "reconciliation";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync(CancellationToken ct)
    {
        // Read fresh: an admin may have switched on another instance a moment ago.
        if ((await modes.ReadAsync(ct).ConfigureAwait(false)).IsLive)
        {
            await reconciliation.RunAsync(ct).ConfigureAwait(false);
        }
    }
}
