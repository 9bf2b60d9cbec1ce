using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.World;

/// <summary>The draws the world makes. A seeded <see cref="Random"/> is reproducible run to run, which keeps worlds reproducible.</summary>
internal static class RandomDraws
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double Between(this Random random, double min, double max) => min + ((max - min) * random.NextDouble());

    /// <summary>A whole number of cents from <paramref name="min"/> to <paramref name="max"/> inclusive, in dollars.</summary>
    public static decimal Cents(this Random random, int min, int max) => random.Next(min, max + 1) / 100m;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Rounds a probability to the cent, within <paramref name="min"/>–<paramref name="max"/> dollars.</summary>
    public static Price ToCent(double probability, decimal min = 0.01m, decimal max = 0.99m) =>
        Price.FromDollars(Math.Clamp(Math.Round((decimal)probability, 2, MidpointRounding.AwayFromZero), min, max));
}
