using KalshiDesk.Domain.Forecasting;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>The ensemble weights to pool with now: learned from scored forecasts, or equal until there are some.</summary>
public interface IEnsembleWeightsProvider
{
    /// <summary>The current weights (global and per category); <see cref="EnsembleWeights.Equal"/> before any scoring.</summary>
    EnsembleWeights Current { get; }
}
