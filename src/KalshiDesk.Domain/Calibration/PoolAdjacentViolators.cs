namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Weighted pool-adjacent-violators: the non-decreasing sequence closest to y in weighted least squares.
/// Neighbouring blocks are merged while the left one is not strictly below the right one, so the fitted block values
/// come out strictly increasing and each block is exactly one run of equal fitted values.
/// </summary>
public static class PoolAdjacentViolators
{
    /// <summary>
    /// Fits points (<paramref name="x"/>, <paramref name="y"/>) with positive <paramref name="weights"/>, given in
    /// non-decreasing x order; returns the blocks, lowest x first.
    /// </summary>
    public static IReadOnlyList<IsotonicBlock> Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(weights);
        if (x.Count != y.Count || x.Count != weights.Count)
        {
            throw new ArgumentException("x, y and weights must have the same length.", nameof(weights));
        }

        var stack = new List<Accumulator>(x.Count);
        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || !double.IsFinite(weights[i]) || weights[i] <= 0d)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), $"Point {i} needs finite x and y and a positive weight.");
            }

            if (i > 0 && x[i] < x[i - 1])
            {
                throw new ArgumentException("Points must be in non-decreasing x order.", nameof(x));
            }

            stack.Add(new Accumulator(weights[i], weights[i] * x[i], weights[i] * y[i], i, 1));
            while (stack.Count > 1 && stack[^2].Mean >= stack[^1].Mean)
            {
                var right = stack[^1];
                var left = stack[^2];
                stack.RemoveAt(stack.Count - 1);
                stack[^1] = new Accumulator(
                    left.Weight + right.Weight, left.WeightedX + right.WeightedX, left.WeightedY + right.WeightedY, left.Start, left.Length + right.Length);
            }
        }

        return stack.Select(a => new IsotonicBlock(a.WeightedX / a.Weight, a.Mean, a.Weight, a.Start, a.Length)).ToList();
    }

    /// <summary>The fitted value at every input point (same order as the input).</summary>
    public static double[] FittedValues(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> weights)
    {
        var fitted = new double[x.Count];
        foreach (var block in Fit(x, y, weights))
        {
            Array.Fill(fitted, block.Value, block.Start, block.Length);
        }

        return fitted;
    }

    private readonly record struct Accumulator(double Weight, double WeightedX, double WeightedY, int Start, int Length)
    {
        public double Mean => WeightedY / Weight;
    }
}
