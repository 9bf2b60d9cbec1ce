namespace KalshiDesk.Domain.Forecasting;

/// <summary>Probability ↔ log-odds conversions, kept finite at 0 and 1.</summary>
public static class LogOdds
{
    /// <summary>
    /// How close to 0 or 1 a probability may sit before <see cref="Logit(double)"/> clamps it: 1e-9 keeps the
    /// log-odds within ±20.7, finite but far past anything a 1¢ contract implies (±4.6).
    /// </summary>
    public const double Epsilon = 1e-9;

    /// <summary>ln(p / (1 − p)) of a probability (0–1), with p clamped to [<see cref="Epsilon"/>, 1 − <see cref="Epsilon"/>].</summary>
    public static double Logit(double p)
    {
        if (double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be a number.");
        }

        var clamped = Math.Clamp(p, Epsilon, 1d - Epsilon);
        return Math.Log(clamped / (1d - clamped));
    }

    /// <summary>The probability (0–1) with log-odds <paramref name="x"/>: 1 / (1 + e^−x), computed without overflow.</summary>
    public static double Logistic(double x)
    {
        if (x >= 0d)
        {
            return 1d / (1d + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1d + e);
    }
}
