using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>Asks the model, in the background, about the markets <see cref="LlmForecaster.Forecast"/> found missing from its cache.</summary>
public sealed class LlmRefresher(LlmForecaster forecaster, ILogger<LlmRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await forecaster.RefreshQueuedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Never take the host down for an optional model: log, and the forecaster keeps serving what it has.
            LlmForecasterLog.RefresherFailed(logger, ex);
        }
    }
}
