namespace KalshiDesk.Engine.Portfolio;

/// <summary>Thins an equity curve for drawing: a cycle a minute makes 43,200 points in 30 days.</summary>
public static class EquityCurve
{
    /// <summary>
    /// At most <paramref name="max"/> of <paramref name="points"/> (oldest first): the first, the last, and every k-th
    /// counted back from the last, k as small as fits. Snapshots come at a steady pace, so the kept points do too.
    /// </summary>
    public static IReadOnlyList<EquityPoint> Thin(IReadOnlyList<EquityPoint> points, int max)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var n = points.Count;
        if (n <= max)
        {
            return points;
        }

        // Back from the last every k: ⌊(n−1)/k⌋ + 1 points, one more for the first unless it is among them; k =
        // ⌈(n−1)/(max−1)⌉ keeps that within max.
        var k = (int)(((long)n - 2 + max - 1) / (max - 1));
        var kept = new List<EquityPoint>(max) { points[0] };
        var first = (n - 1) % k;
        for (var i = first == 0 ? k : first; i < n; i += k)
        {
            kept.Add(points[i]);
        }

        return kept;
    }
}
