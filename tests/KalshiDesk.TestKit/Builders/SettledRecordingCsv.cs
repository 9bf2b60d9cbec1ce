using System.Globalization;
using System.Text;

namespace KalshiDesk.TestKit.Builders;

/// <summary>
/// A seeded settled-markets CSV for backtests: markets priced near 30¢ of which about 60% settle YES, so the desk learns
/// from the first ones to settle that the price is too low and trades the later ones. Two categories, a 2¢ spread.
/// </summary>
public static class SettledRecordingCsv
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="markets"/> markets closing six hours apart, each observed <paramref name="observations"/> times in its last day.</summary>
    public static string Write(int markets, int observations = 2, int seed = 7)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("ticker,category,price,outcome,close_time,observed_at,yes_bid,yes_ask\n");
        for (var m = 0; m < markets; m++)
        {
            var close = Start.AddHours(24 + (6 * m));
            var category = m % 2 == 0 ? "weather" : "economics";
            var ticker = string.Create(CultureInfo.InvariantCulture, $"KX{category.ToUpperInvariant()[..4]}-{m:D4}-T{m % 7}");
            var yes = random.NextDouble() < 0.6;
            for (var o = 0; o < observations; o++)
            {
                var at = close.AddHours(-24 + (20d * o / Math.Max(1, observations)));
                var mid = 0.28m + (0.01m * random.Next(0, 5));
                csv.Append(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{ticker},{category},{mid:0.00},{(yes ? "yes" : "no")},{close:yyyy-MM-ddTHH:mm:ssZ},{at:yyyy-MM-ddTHH:mm:ssZ},{mid - 0.01m:0.00},{mid + 0.01m:0.00}\n"));
            }
        }

        return csv.ToString();
    }
}
