using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>A forecast and how the market settled: the pair every calibration measure is built from.</summary>
/// <param name="Forecast">The probability given that YES wins (0–1).</param>
/// <param name="YesWon">Whether the market settled YES.</param>
public readonly record struct ForecastOutcome(Probability Forecast, bool YesWon)
{
    /// <summary>The outcome as a number: 1 when YES won, else 0.</summary>
    public double Outcome => YesWon ? 1d : 0d;

    /// <summary>A pair from a raw probability (0–1).</summary>
    public static ForecastOutcome Of(double forecast, bool yesWon) => new(Probability.Of(forecast), yesWon);
}
