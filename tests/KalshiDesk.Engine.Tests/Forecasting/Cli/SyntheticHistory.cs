using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Tests.Forecasting.Cli;

/// <summary>Seeded settled histories for the learner's tests: one market a row, closing a minute apart from 2025-01-01.</summary>
internal static class SyntheticHistory
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Categories = ["Sports", "Politics", "Crypto", "Finance"];

    /// <summary>
    /// <paramref name="count"/> markets priced like Kalshi's trades (whole cents drawn with
    /// <see cref="KalshiPriceTables.TradesByPrice"/>'s frequencies), each settling YES with probability
    /// <paramref name="yesRate"/>(cents); <paramref name="categories"/> (default <see cref="Categories"/>) in turn.
    /// </summary>
    public static List<SettledMarketRow> PricedLikeKalshi(int count, int seed, Func<int, double> yesRate, string[]? categories = null)
    {
        var random = new Random(seed);
        var cumulative = new double[KalshiPriceTables.TradesByPrice.Length];
        var total = 0d;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += KalshiPriceTables.TradesByPrice[i];
            cumulative[i] = total;
        }

        var rows = new List<SettledMarketRow>(count);
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var cents = (index < 0 ? ~index : index) + 1;
            rows.Add(Row(i, cents / 100m, random.NextDouble() < yesRate(cents), random, categories ?? Categories));
        }

        return rows;
    }

    /// <summary><paramref name="count"/> markets at prices uniform on 1¢–99¢, settling YES with probability <paramref name="yesRate"/>(price in dollars).</summary>
    public static List<SettledMarketRow> Uniform(int count, int seed, Func<double, double> yesRate)
    {
        var random = new Random(seed);
        var rows = new List<SettledMarketRow>(count);
        for (var i = 0; i < count; i++)
        {
            var price = random.Next(1, 100) / 100m;
            rows.Add(Row(i, price, random.NextDouble() < yesRate((double)price), random, Categories));
        }

        return rows;
    }

    private static SettledMarketRow Row(int i, decimal price, bool yesWon, Random random, string[] categories)
    {
        var close = Start.AddMinutes(i);
        return new SettledMarketRow($"KXSYN-{i:D7}", categories[i % categories.Length], price, yesWon, close, close.AddHours(-random.Next(1, 73)), i + 2);
    }
}
