using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>A map from a raw forecast to a calibrated one, learned from settled history. Fitted once, then read-only.</summary>
public interface IRecalibrator
{
    /// <summary>Short name shown on the dashboard ("identity", "platt", "isotonic").</summary>
    string Name { get; }

    /// <summary>The calibrated probability (0–1) for raw forecast <paramref name="forecast"/>.</summary>
    Probability Apply(Probability forecast);
}
