using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>The recalibration learned from settled history, applied to the pooled forecast before sizing.</summary>
public interface ICalibrationProvider
{
    /// <summary>The recalibrator for a market of <paramref name="category"/> closing in <paramref name="timeToClose"/>; identity when none is learned.</summary>
    IRecalibrator For(string category, TimeSpan timeToClose);
}
