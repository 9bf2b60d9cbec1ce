using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Scoring;

/// <summary>
/// What the desk has learned from settled markets, held for the live loop: the ensemble weights and the recalibration
/// every forecast goes through, the scores the dashboard shows, and the sit-out reason when calibration has degraded.
/// Equal weights, identity and no sit-out until <see cref="CalibrationLearner"/> first learns; replaced whole, so a
/// reader always sees one consistent state.
/// </summary>
public sealed class LearnedCalibration : ICalibrationProvider, IEnsembleWeightsProvider
{
    private volatile State _state = new(CalibrationSnapshot.Empty, EnsembleWeights.Equal, null, new Dictionary<string, IRecalibrator>(StringComparer.Ordinal));

    /// <summary>The latest scores.</summary>
    public CalibrationSnapshot Snapshot => _state.Snapshot;

    /// <inheritdoc />
    public EnsembleWeights Current => _state.Weights;

    /// <summary>Why every entry sits out now (calibration has degraded), or null.</summary>
    public string? SitOutReason => _state.Snapshot.Rolling.Reason;

    /// <inheritdoc />
    public IRecalibrator For(string category, TimeSpan timeToClose)
    {
        var state = _state;
        if (state.Recalibration is null)
        {
            return IdentityRecalibrator.Instance;
        }

        return state.ByCategory.TryGetValue(category, out var own) ? own : state.Global!;
    }

    /// <summary>Replaces everything learned with <paramref name="learning"/>.</summary>
    public void Set(CalibrationLearning learning)
    {
        ArgumentNullException.ThrowIfNull(learning);
        var recalibration = learning.Recalibration;
        var byCategory = recalibration.ByCategory.Keys.ToDictionary(
            c => c,
            c => (IRecalibrator)new CategoryRecalibrator(recalibration, c),
            StringComparer.Ordinal);
        _state = new State(learning.Snapshot, learning.Weights, recalibration, byCategory)
        {
            Global = recalibration.Global.Recalibrator,
        };
    }

    private sealed record State(
        CalibrationSnapshot Snapshot,
        EnsembleWeights Weights,
        CategoryRecalibration? Recalibration,
        IReadOnlyDictionary<string, IRecalibrator> ByCategory)
    {
        public IRecalibrator? Global { get; init; }
    }

    /// <summary>The global curve, then a category's own correction; named after both ("platt+isotonic").</summary>
    private sealed class CategoryRecalibrator(CategoryRecalibration recalibration, string category) : IRecalibrator
    {
        public string Name { get; } = recalibration.Global.Recalibrator.Name + "+" + recalibration.ByCategory[category].Recalibrator.Name;

        public Probability Apply(Probability forecast) => recalibration.Apply(category, forecast);
    }
}
