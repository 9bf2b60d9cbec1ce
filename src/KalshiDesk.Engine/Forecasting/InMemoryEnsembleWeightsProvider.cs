using KalshiDesk.Domain.Forecasting;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>Weights held in memory: equal until scoring replaces them (<see cref="Set"/>); lost on restart.</summary>
public sealed class InMemoryEnsembleWeightsProvider : IEnsembleWeightsProvider
{
    private volatile EnsembleWeights _current = EnsembleWeights.Equal;

    public EnsembleWeights Current => _current;

    /// <summary>Replaces the weights every later forecast pools with.</summary>
    public void Set(EnsembleWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _current = weights;
    }
}
