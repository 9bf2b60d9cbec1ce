namespace KalshiDesk.Sandbox.World;

/// <summary>
/// How Kalshi's prices relate to outcomes, measured on 72.1M real trades: at 5¢ contracts won 4.2% of the time, at
/// 95¢ they won 95.8%. Cheap contracts are overpriced and dear ones underpriced. The Sandbox's simulated traders price
/// every market through this curve, so a model that learns it from settled markets finds the same edge it would on
/// Kalshi, and one that takes prices at face value does not.
/// </summary>
/// <remarks>
/// Source: <c>win_rate_by_price.csv</c> from Jon Becker's prediction-market-analysis (MIT License, Copyright (c) 2026
/// Jonathan Becker), all Kalshi trades 2021-06-30 to 2025-11-25, each trade counted once per side. The table is
/// made monotone (pool-adjacent-violators, weighted by trades) and read between whole cents by linear interpolation.
/// </remarks>
internal static class LongshotBias
{
    /// <summary>The realised win rate of contracts bought at 1¢ … 99¢.</summary>
    private static readonly double[] WinRate =
    [
        0.0091, 0.0190, 0.0271, 0.0345, 0.0418, 0.0492, 0.0579, 0.0697, 0.0778,
        0.0891, 0.0993, 0.1111, 0.1237, 0.1295, 0.1392, 0.1526, 0.1584, 0.1677, 0.1781,
        0.2081, 0.2270, 0.2273, 0.2143, 0.2180, 0.2311, 0.2411, 0.2571, 0.2891, 0.2903,
        0.2989, 0.3144, 0.3438, 0.3478, 0.3616, 0.3508, 0.3571, 0.3796, 0.3869, 0.3869,
        0.4004, 0.4066, 0.4012, 0.4082, 0.4258, 0.4406, 0.4611, 0.4529, 0.4647, 0.4790,
        0.5000, 0.5210, 0.5353, 0.5472, 0.5389, 0.5595, 0.5743, 0.5918, 0.5988, 0.5934,
        0.5996, 0.6131, 0.6132, 0.6203, 0.6429, 0.6492, 0.6384, 0.6522, 0.6563, 0.6856,
        0.7011, 0.7097, 0.7109, 0.7428, 0.7589, 0.7689, 0.7821, 0.7857, 0.7727, 0.7731,
        0.7919, 0.8220, 0.8323, 0.8416, 0.8474, 0.8608, 0.8705, 0.8763, 0.8890, 0.9008,
        0.9110, 0.9222, 0.9303, 0.9421, 0.9509, 0.9583, 0.9656, 0.9730, 0.9812, 0.9909,
    ];

    /// <summary>Position-sides traded at 1¢ … 99¢ (the weights).</summary>
    private static readonly double[] Trades =
    [
        2339220, 1375575, 1564413, 1364548, 1407530, 1303293, 1271609, 1255693, 1209061,
        1295252, 1164119, 1178635, 1122715, 1162887, 1235622, 1170847, 1155242, 1155721, 1151908,
        1307618, 1223045, 1230219, 1218339, 1198040, 1298586, 1210430, 1246675, 1252447, 1218470,
        1381799, 1354089, 1330541, 1318130, 1340650, 1438131, 1424776, 1442264, 1488500, 1442774,
        1542791, 1433572, 1490023, 1521563, 1555500, 1607887, 1567582, 1605738, 1654856, 1607466,
        1776961, 1607381, 1655049, 1605699, 1567652, 1608001, 1555432, 1521445, 1490081, 1433466,
        1542735, 1442790, 1488751, 1442113, 1424807, 1438184, 1340730, 1318316, 1330633, 1354039,
        1381962, 1218618, 1252809, 1246449, 1210360, 1298627, 1198219, 1218087, 1230111, 1223140,
        1307465, 1152574, 1155540, 1155113, 1171183, 1235642, 1163192, 1122858, 1178677, 1164318,
        1298408, 1210509, 1257854, 1270668, 1303885, 1411261, 1366500, 1568248, 1383851, 2348987,
    ];

    /// <summary>The monotone win rate at 1¢ … 99¢ (index 0 is 1¢).</summary>
    private static readonly double[] Curve = Monotone(WinRate, Trades);

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

        if (truth >= Curve[^1])
        {
            return 0.99;
        }

        for (var i = 1; i < Curve.Length; i++)
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

    /// <summary>Weighted pool-adjacent-violators: the closest non-decreasing sequence.</summary>
    private static double[] Monotone(double[] values, double[] weights)
    {
        var blocks = new List<(double Value, double Weight, int Count)>();
        for (var i = 0; i < values.Length; i++)
        {
            blocks.Add((values[i], weights[i], 1));
            while (blocks.Count > 1 && blocks[^2].Value > blocks[^1].Value)
            {
                var (v2, w2, c2) = blocks[^1];
                var (v1, w1, c1) = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (((v1 * w1) + (v2 * w2)) / (w1 + w2), w1 + w2, c1 + c2);
            }
        }

        var result = new double[values.Length];
        var index = 0;
        foreach (var (value, _, count) in blocks)
        {
            for (var k = 0; k < count; k++)
            {
                // Flat stretches are tilted by a hair so the curve stays invertible.
                result[index] = value + (k * 1e-6);
                index++;
            }
        }

        return result;
    }
}
