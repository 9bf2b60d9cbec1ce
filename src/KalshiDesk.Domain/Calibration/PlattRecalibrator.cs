using System.Globalization;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Platt (logistic) recalibration in log-odds space: p′ = σ(a·logit(p) + b). a &gt; 1 sharpens under-confident
/// forecasts, a &lt; 1 tempers over-confident ones, b shifts them. Fitted by Newton–Raphson on the log loss plus a
/// small ridge λ/2·((a − 1)² + b²) toward the identity, so perfectly separable history gives large but finite a.
/// Inputs are clamped to [0.001, 0.999] before the logit and outputs to the same range.
/// </summary>
public sealed class PlattRecalibrator : IRecalibrator
{
    public const string ModelName = "platt";

    /// <summary>Default ridge λ (in units of summed log loss): negligible beside 50+ forecasts, enough to keep separable fits finite.</summary>
    public const double DefaultRidge = 0.01;

    /// <summary>Bounds on inputs and outputs, as for log loss.</summary>
    public const double Floor = 0.001;

    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    private PlattRecalibrator(double slope, double intercept)
    {
        Slope = slope;
        Intercept = intercept;
    }

    public string Name => ModelName;

    /// <summary>a, the multiplier on the forecast's log-odds.</summary>
    public double Slope { get; }

    /// <summary>b, the shift in log-odds.</summary>
    public double Intercept { get; }

    /// <summary>A Platt map with the given <paramref name="slope"/> (a) and <paramref name="intercept"/> (b).</summary>
    public static PlattRecalibrator Of(double slope, double intercept)
    {
        if (!double.IsFinite(slope) || !double.IsFinite(intercept))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), "Slope and intercept must be finite numbers.");
        }

        return new PlattRecalibrator(slope, intercept);
    }

    /// <summary>Fits a and b on settled pairs (none gives the identity: a = 1, b = 0).</summary>
    public static PlattRecalibrator Fit(IReadOnlyList<ForecastOutcome> pairs, double ridge = DefaultRidge)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (!double.IsFinite(ridge) || ridge <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge must be a positive number.");
        }

        var x = pairs.Select(p => InputLogit(p.Forecast.Value)).ToArray();
        var y = pairs.Select(p => p.Outcome).ToArray();
        double a = 1d, b = 0d;
        var objective = Objective(x, y, a, b, ridge);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Gradient and Hessian of the penalised log loss.
            double ga = ridge * (a - 1d), gb = ridge * b, haa = ridge, hab = 0d, hbb = ridge;
            for (var i = 0; i < x.Length; i++)
            {
                var q = LogOdds.Logistic((a * x[i]) + b);
                var residual = q - y[i];
                var curvature = q * (1d - q);
                ga += residual * x[i];
                gb += residual;
                haa += curvature * x[i] * x[i];
                hab += curvature * x[i];
                hbb += curvature;
            }

            var determinant = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;

            // Halve the step until the objective does not rise: Newton can overshoot far from the optimum.
            var step = 1d;
            double nextA, nextB, next;
            do
            {
                nextA = a - (step * da);
                nextB = b - (step * db);
                next = Objective(x, y, nextA, nextB, ridge);
                step /= 2d;
            }
            while (next > objective && step > 1e-6);

            if (next > objective)
            {
                break;
            }

            var moved = Math.Abs(nextA - a) + Math.Abs(nextB - b);
            (a, b, objective) = (nextA, nextB, next);
            if (moved < Tolerance)
            {
                break;
            }
        }

        return new PlattRecalibrator(a, b);
    }

    public Probability Apply(Probability forecast) =>
        Probability.Of(Math.Clamp(LogOdds.Logistic((Slope * InputLogit(forecast.Value)) + Intercept), Floor, 1d - Floor));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ModelName} (a {Slope:0.###}, b {Intercept:0.###})");

    private static double InputLogit(double p) => LogOdds.Logit(Math.Clamp(p, Floor, 1d - Floor));

    private static double Objective(double[] x, double[] y, double a, double b, double ridge)
    {
        var loss = (ridge / 2d) * (((a - 1d) * (a - 1d)) + (b * b));
        for (var i = 0; i < x.Length; i++)
        {
            // −[y·ln σ(z) + (1 − y)·ln(1 − σ(z))] = softplus(z) − y·z, computed stably.
            var z = (a * x[i]) + b;
            loss += Softplus(z) - (y[i] * z);
        }

        return loss;
    }

    private static double Softplus(double z) => z > 0d ? z + Math.Log(1d + Math.Exp(-z)) : Math.Log(1d + Math.Exp(z));
}
