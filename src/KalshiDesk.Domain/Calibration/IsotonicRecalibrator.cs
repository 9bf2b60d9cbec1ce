using System.Globalization;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Isotonic recalibration: the best non-decreasing map from forecast to outcome frequency (weighted
/// pool-adjacent-violators), read off by straight lines between block centres, flat beyond the first and last,
/// and kept within [0.001, 0.999] so no settled sample, however lopsided, can say "certain".
/// </summary>
public sealed class IsotonicRecalibrator : IRecalibrator
{
    public const string ModelName = "isotonic";

    /// <summary>Lowest probability emitted; the highest is 1 − this.</summary>
    public const double Floor = 0.001;

    private readonly double[] _centres;
    private readonly double[] _values;

    private IsotonicRecalibrator(double[] centres, double[] values)
    {
        _centres = centres;
        _values = values;
    }

    public string Name => ModelName;

    /// <summary>The fitted knots (forecast, calibrated probability before clamping), lowest forecast first.</summary>
    public IReadOnlyList<(double Forecast, double Probability)> Knots => _centres.Zip(_values).ToList();

    /// <summary>Fits on at least one settled pair; forecasts that are equal are pooled from the start.</summary>
    public static IsotonicRecalibrator Fit(IReadOnlyList<ForecastOutcome> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("At least one settled forecast is needed.", nameof(pairs));
        }

        var groups = pairs
            .GroupBy(p => p.Forecast.Value)
            .OrderBy(g => g.Key)
            .Select(g => (Forecast: g.Key, Frequency: g.Average(p => p.Outcome), Count: (double)g.Count()))
            .ToList();
        var blocks = PoolAdjacentViolators.Fit(
            groups.Select(g => g.Forecast).ToList(), groups.Select(g => g.Frequency).ToList(), groups.Select(g => g.Count).ToList());
        return new IsotonicRecalibrator(blocks.Select(b => b.Centre).ToArray(), blocks.Select(b => b.Value).ToArray());
    }

    public Probability Apply(Probability forecast)
    {
        var p = forecast.Value;
        double value;
        if (p <= _centres[0])
        {
            value = _values[0];
        }
        else if (p >= _centres[^1])
        {
            value = _values[^1];
        }
        else
        {
            // _centres strictly increase, so p sits in exactly one interval [c_j, c_j+1).
            var j = Array.BinarySearch(_centres, p);
            if (j >= 0)
            {
                value = _values[j];
            }
            else
            {
                var right = ~j;
                var left = right - 1;
                var t = (p - _centres[left]) / (_centres[right] - _centres[left]);
                value = _values[left] + (t * (_values[right] - _values[left]));
            }
        }

        return Probability.Of(Math.Clamp(value, Floor, 1d - Floor));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ModelName} ({_centres.Length} blocks)");
}
