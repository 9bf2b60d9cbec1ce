using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Scores of probability forecasts against outcomes: Brier, log loss, Brier skill, reliability bins, ECE and the
/// Murphy decomposition. Every measure refuses an empty list: a score of nothing is not 0.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>Default number of equal-width bins for reliability diagrams, ECE and the Murphy decomposition.</summary>
    public const int DefaultBinCount = 10;

    /// <summary>
    /// Forecasts are clamped to [0.001, 0.999] for log loss, so one confident miss costs at most ln(1000) ≈ 6.9 nats
    /// instead of infinity; the same bounds the recalibrators emit.
    /// </summary>
    public const double LogLossFloor = 0.001;

    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Mean of (p − o)² (0–1; 0 is perfect, 0.25 is always saying 0.5).</summary>
    public static double Brier(IReadOnlyList<ForecastOutcome> pairs)
    {
        RequireAny(pairs);
        var sum = 0d;
        foreach (var pair in pairs)
        {
            var error = pair.Forecast.Value - pair.Outcome;
            sum += error * error;
        }

        return sum / pairs.Count;
    }

    /// <summary>Mean of −ln(p of what happened), in nats, with p clamped to [<paramref name="floor"/>, 1 − <paramref name="floor"/>].</summary>
    public static double LogLoss(IReadOnlyList<ForecastOutcome> pairs, double floor = LogLossFloor)
    {
        RequireAny(pairs);
        var sum = 0d;
        foreach (var pair in pairs)
        {
            sum += LogLoss(pair.Forecast.Value, pair.YesWon, floor);
        }

        return sum / pairs.Count;
    }

    /// <summary>−ln(p of what happened) for one forecast <paramref name="p"/> (0–1), clamped to [<paramref name="floor"/>, 1 − <paramref name="floor"/>].</summary>
    public static double LogLoss(double p, bool yesWon, double floor = LogLossFloor)
    {
        if (double.IsNaN(p) || p is < 0d or > 1d)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be a number between 0 and 1.");
        }

        if (floor is <= 0d or >= 0.5d)
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "The log-loss floor must be above 0 and below 0.5.");
        }

        var clamped = Math.Clamp(p, floor, 1d - floor);
        return -Math.Log(yesWon ? clamped : 1d - clamped);
    }

    /// <summary>BSS = 1 − Brier / Brier of the baseline; null when the baseline is perfect (Brier 0) and the ratio is undefined.</summary>
    public static double? BrierSkillScore(double brier, double baselineBrier) =>
        baselineBrier > 0d ? 1d - (brier / baselineBrier) : null;

    /// <summary>
    /// Brier skill of <paramref name="pairs"/> against <paramref name="baseline"/> (e.g. the market price at decision
    /// time), the baseline's i-th forecast scored on the i-th outcome. Above 0 beats the baseline.
    /// </summary>
    public static double? BrierSkillScore(IReadOnlyList<ForecastOutcome> pairs, IReadOnlyList<Probability> baseline) =>
        BrierSkillScore(Brier(pairs), Brier(WithBaseline(pairs, baseline)));

    /// <summary>The outcomes of <paramref name="pairs"/> paired with the <paramref name="baseline"/> forecasts instead.</summary>
    public static IReadOnlyList<ForecastOutcome> WithBaseline(IReadOnlyList<ForecastOutcome> pairs, IReadOnlyList<Probability> baseline)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.Count != pairs.Count)
        {
            throw new ArgumentException($"The baseline has {baseline.Count} forecasts for {pairs.Count} outcomes.", nameof(baseline));
        }

        var result = new ForecastOutcome[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            result[i] = new ForecastOutcome(baseline[i], pairs[i].YesWon);
        }

        return result;
    }

    /// <summary>The bin of forecast <paramref name="p"/> among <paramref name="binCount"/> equal-width bins: [k/K, (k+1)/K), with 1 in the last.</summary>
    public static int BinOf(double p, int binCount)
    {
        RequireBins(binCount);
        return Math.Clamp((int)Math.Floor(p * binCount), 0, binCount - 1);
    }

    /// <summary>The non-empty bins of a reliability diagram, lowest forecasts first.</summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(IReadOnlyList<ForecastOutcome> pairs, int binCount = DefaultBinCount)
    {
        RequireAny(pairs);
        var tallies = Tally(pairs, binCount);
        var bins = new List<ReliabilityBin>();
        for (var k = 0; k < binCount; k++)
        {
            var t = tallies[k];
            if (t.Count == 0)
            {
                continue;
            }

            var (low, high) = WilsonInterval(t.Yes, t.Count);
            bins.Add(new ReliabilityBin(
                k, (double)k / binCount, (double)(k + 1) / binCount, t.Count, t.Yes, t.ForecastSum / t.Count, (double)t.Yes / t.Count, low, high));
        }

        return bins;
    }

    /// <summary>Expected calibration error: Σ (nₖ/N)·|ōₖ − f̄ₖ| over equal-width bins (0–1, lower is better).</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ForecastOutcome> pairs, int binCount = DefaultBinCount)
    {
        RequireAny(pairs);
        var ece = 0d;
        foreach (var t in Tally(pairs, binCount))
        {
            if (t.Count > 0)
            {
                ece += Math.Abs(t.Yes - t.ForecastSum) / pairs.Count;
            }
        }

        return ece;
    }

    /// <summary>The exact Murphy decomposition over <paramref name="binCount"/> equal-width bins (see <see cref="MurphyDecomposition"/>).</summary>
    public static MurphyDecomposition Murphy(IReadOnlyList<ForecastOutcome> pairs, int binCount = DefaultBinCount)
    {
        RequireAny(pairs);
        var tallies = Tally(pairs, binCount);
        double n = pairs.Count;
        var baseRate = pairs.Sum(p => p.Outcome) / n;
        double reliability = 0d, resolution = 0d;
        foreach (var t in tallies)
        {
            if (t.Count == 0)
            {
                continue;
            }

            var meanForecast = t.ForecastSum / t.Count;
            var frequency = (double)t.Yes / t.Count;
            reliability += t.Count * (meanForecast - frequency) * (meanForecast - frequency);
            resolution += t.Count * (frequency - baseRate) * (frequency - baseRate);
        }

        double variance = 0d, covariance = 0d;
        foreach (var pair in pairs)
        {
            var t = tallies[BinOf(pair.Forecast.Value, binCount)];
            var forecastDeviation = pair.Forecast.Value - (t.ForecastSum / t.Count);
            variance += forecastDeviation * forecastDeviation;
            covariance += forecastDeviation * (pair.Outcome - ((double)t.Yes / t.Count));
        }

        return new MurphyDecomposition(
            binCount, reliability / n, resolution / n, baseRate * (1d - baseRate), variance / n, 2d * covariance / n);
    }

    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/> (95% by default):
    /// better than p̂ ± z·se for small counts and frequencies near 0 or 1, and never outside [0, 1].
    /// </summary>
    public static (double Low, double High) WilsonInterval(int successes, int trials, double z = Z95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Need 0 ≤ successes ≤ trials and trials > 0 (trials {trials}).");
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        var denominator = 1d + (z2 / trials);
        var centre = (p + (z2 / (2d * trials))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1d - p) / trials) + (z2 / (4d * trials * trials)));
        return (Math.Max(0d, centre - half), Math.Min(1d, centre + half));
    }

    private static BinTally[] Tally(IReadOnlyList<ForecastOutcome> pairs, int binCount)
    {
        RequireBins(binCount);
        var tallies = new BinTally[binCount];
        foreach (var pair in pairs)
        {
            var k = BinOf(pair.Forecast.Value, binCount);
            tallies[k] = new BinTally(tallies[k].Count + 1, tallies[k].Yes + (pair.YesWon ? 1 : 0), tallies[k].ForecastSum + pair.Forecast.Value);
        }

        return tallies;
    }

    private static void RequireAny(IReadOnlyList<ForecastOutcome> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("At least one settled forecast is needed.", nameof(pairs));
        }
    }

    private static void RequireBins(int binCount)
    {
        if (binCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "At least one bin is needed.");
        }
    }

    private readonly record struct BinTally(int Count, int Yes, double ForecastSum);
}
