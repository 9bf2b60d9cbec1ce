using Hangfire;
using KalshiDesk.Engine.Trading;

namespace KalshiDesk.Web.Jobs;

/// <summary>The recurring trading cycle; thin: the Engine's <see cref="TradingCycle"/> does the work.</summary>
public sealed class TradingCycleJob(TradingCycle cycle)
{
    public const string Id = "trading-cycle";

    // A cycle is idempotent, but a failed one is simply replaced by the next minute's: no retries piling up.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task RunAsync(CancellationToken ct) => cycle.RunAsync(ct);
}
