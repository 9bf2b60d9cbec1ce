using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Markets;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// The desk's probability: every registered <see cref="IForecaster"/> runs on its own, the forecasts are pooled in
/// log-odds (<see cref="LogOddsPool"/>) with the current <see cref="EnsembleWeights"/> for the market's category, and
/// the pool goes through the recalibrator for the market's category and time to close. A model with nothing to say
/// (null) is left out of the pool and of the disagreement; a model that throws is left out the same way and logged.
/// The models' own confidences are reported, not used: the weights, learned from scores, decide whom to trust.
/// </summary>
public sealed partial class EnsembleForecaster(
    IEnumerable<IForecaster> forecasters,
    IEnsembleWeightsProvider weights,
    ICalibrationProvider calibration,
    ILogger<EnsembleForecaster> logger)
{
    private readonly IForecaster[] _forecasters = [.. forecasters];

    /// <summary>The models in the ensemble, in registration order.</summary>
    public IReadOnlyList<string> Models => [.. _forecasters.Select(f => f.Name)];

    /// <summary>The blend for <paramref name="market"/> as of <paramref name="decisionTime"/>, or null when no model gave a forecast.</summary>
    public EnsembleForecast? Forecast(MarketSnapshot market, ForecastContext context, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(context);
        var models = new List<Forecast>(_forecasters.Length);
        foreach (var forecaster in _forecasters)
        {
            Forecast? forecast;
            try
            {
                forecast = forecaster.Forecast(market, context, decisionTime);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken model must not stop the desk; the others still blend.
                LogModelFailed(logger, ex, forecaster.Name, market.Ticker);
                continue;
            }

            if (forecast is not null)
            {
                models.Add(forecast);
            }
        }

        var pooled = LogOddsPool.Pool([.. models.Select(f => new ModelForecast(f.Model, f.ProbabilityYes))], weights.Current, market.Category);
        if (pooled is null)
        {
            return null;
        }

        var toClose = market.CloseTime > decisionTime ? market.CloseTime - decisionTime : TimeSpan.Zero;
        var recalibrator = calibration.For(market.Category, toClose);
        return new EnsembleForecast(models, pooled, recalibrator.Apply(pooled.ProbabilityYes), recalibrator.Name, decisionTime);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} failed on {Ticker}; the ensemble blends without it")]
    private static partial void LogModelFailed(ILogger logger, Exception ex, string model, string ticker);
}
