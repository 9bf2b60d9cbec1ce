using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// One recalibrator for every market, held in memory: <see cref="IdentityRecalibrator"/> until scoring replaces it
/// (<see cref="Set"/>); lost on restart. Per-category and per-horizon choices belong to a provider that has the history.
/// </summary>
public sealed class InMemoryCalibrationProvider : ICalibrationProvider
{
    private volatile IRecalibrator _current = IdentityRecalibrator.Instance;

    public IRecalibrator For(string category, TimeSpan timeToClose) => _current;

    /// <summary>Replaces the recalibrator every later forecast goes through.</summary>
    public void Set(IRecalibrator recalibrator)
    {
        ArgumentNullException.ThrowIfNull(recalibrator);
        _current = recalibrator;
    }
}
