using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Web.Jobs;

/// <summary>
/// Relearns from the scored forecasts once at start, before the jobs run, so the ensemble weights, the recalibration and
/// a sit-out survive a restart. A database that cannot be read is logged, not fatal: the desk starts with equal weights,
/// identity and no sit-out, and the next scoring that settles a market learns again.
/// </summary>
internal sealed partial class CalibrationStartup(CalibrationLearner learner, ILogger<CalibrationStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await learner.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calibration could not be learned at start; the desk starts with equal weights, no recalibration and no sit-out until the next settlement")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
