using Hangfire;
using KalshiDesk.Engine.Risk;

namespace KalshiDesk.Web.Jobs;

/// <summary>
/// Every minute, the circuit breaker looks at the account even when no cycle runs (an exchange outage, say): settlements
/// are counted, a daily-loss halt ends once the New York day turns. Thin: the Engine's <see cref="RiskMonitor"/> does the work.
/// </summary>
public sealed class RiskJob(RiskMonitor monitor)
{
    public const string Id = "risk-breaker";

    // Observing twice is harmless (each settlement is counted once); a failed look is simply redone a minute later.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => monitor.ObserveAsync(ct);
}
