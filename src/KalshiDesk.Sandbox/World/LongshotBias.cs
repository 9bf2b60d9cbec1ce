using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// How Kalshi's prices relate to outcomes, measured on 72.1M real trades: at 5¢ contracts won 4.2% of the time, at
/// 95¢ they won 95.8%. Cheap contracts are overpriced and dear ones underpriced. The Sandbox's simulated traders price
/// every market through this curve, so a model that learns it from settled markets finds the same edge it would on
/// Kalshi, and one that takes prices at face value does not.
/// </summary>
/// <remarks>
/// The curve is the desk's own <see cref="FavouriteLongshotPrior"/> (Jon Becker's prediction-market-analysis, MIT
/// License; all Kalshi trades 2021-06-30 to 2025-11-25): the Sandbox prices with the same table the desk's prior reads,
/// so what a model can learn here is exactly Kalshi's measured bias. Read between whole cents by linear interpolation.
/// </remarks>
internal static class LongshotBias
{
    /// <summary>The win rate at 1¢ … 99¢ (index 0 is 1¢), strictly increasing.</summary>
    private static readonly IReadOnlyList<double> Curve = FavouriteLongshotPrior.Table;

    /// <summary>The realised win rate of a contract priced at <paramref name="price"/> dollars (0.01–0.99).</summary>
    public static double WinRateAt(double price)
    {
        var cents = Math.Clamp(price * 100.0, 1.0, 99.0);
        var low = (int)Math.Floor(cents);
        if (low >= 99)
        {
            return Curve[98];
        }

        var t = cents - low;
        return Curve[low - 1] + ((Curve[low] - Curve[low - 1]) * t);
    }

    /// <summary>
    /// The price, in dollars, at which Kalshi's traders put an event whose true probability is <paramref name="truth"/>:
    /// the inverse of <see cref="WinRateAt"/> (a 3% event trades near 3.4¢, a 97% one near 96.6¢).
    /// </summary>
    public static double PriceFor(double truth)
    {
        if (truth <= Curve[0])
        {
            return 0.01;
        }

        if (truth >= Curve[Curve.Count - 1])
        {
            return 0.99;
        }

        for (var i = 1; i < Curve.Count; i++)
        {
            if (Curve[i] >= truth)
            {
                var span = Curve[i] - Curve[i - 1];
                var t = span <= 0 ? 0 : (truth - Curve[i - 1]) / span;
                return (i + t) / 100.0;
            }
        }

        return 0.99;
    }
}
