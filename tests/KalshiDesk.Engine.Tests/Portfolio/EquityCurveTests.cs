using KalshiDesk.Engine.Portfolio;

namespace KalshiDesk.Engine.Tests.Portfolio;

public class EquityCurveTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 4, new[] { 0, 3, 6, 9 })]
    [InlineData(11, 4, new[] { 0, 2, 6, 10 })]
    [InlineData(5, 2, new[] { 0, 4 })]
    [InlineData(3, 3, new[] { 0, 1, 2 })]
    public void Thin_MorePointsThanAsked_KeepsTheFirstTheLastAndEveryKthBackFromTheLast(int count, int max, int[] kept)
    {
        var points = Minutes(count);

        var thinned = EquityCurve.Thin(points, max);

        Assert.Equal(kept.Select(i => points[i]), thinned);
    }

    [Fact]
    public void Thin_AnyLengthAndLimit_NeverExceedsTheLimitAndKeepsBothEndsInOrder()
    {
        for (var count = 2; count <= 200; count++)
        {
            var points = Minutes(count);
            for (var max = 2; max <= 40; max++)
            {
                var thinned = EquityCurve.Thin(points, max);

                Assert.True(thinned.Count <= max, $"{count} points thinned to {max} kept {thinned.Count}");
                Assert.True(count > max || thinned.Count == count, $"{count} points, none to thin, kept {thinned.Count}");
                Assert.Equal((points[0], points[^1]), (thinned[0], thinned[^1]));
                Assert.True(thinned.Zip(thinned.Skip(1)).All(p => p.First.At < p.Second.At));
            }
        }
    }

    private static List<EquityPoint> Minutes(int count) => [.. Enumerable.Range(0, count).Select(i => new EquityPoint(Start.AddMinutes(i), 1000m + i))];
}
