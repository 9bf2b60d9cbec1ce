using Hangfire;
using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Web.Jobs;

/// <summary>Every five minutes: scores the stored forecasts of markets that have settled; thin: the Engine's <see cref="ForecastScorer"/> does the work.</summary>
public sealed class ScoringJob(ForecastScorer scorer)
{
    public const string Id = "scoring";

    /// <summary>Every five minutes: Kalshi settles a market minutes to hours after its close, so scoring sooner gains nothing.</summary>
    public const string Schedule = "*/5 * * * *";

    // A pass only reads the exchange and writes outcomes once per forecast; a failed one is simply redone by the next.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(CancellationToken ct) => scorer.ScoreAsync(ct);
}
