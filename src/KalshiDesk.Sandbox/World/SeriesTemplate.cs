namespace KalshiDesk.Sandbox.World;

/// <summary>A series and how it makes events: tickers, titles, rules and starting probabilities.</summary>
internal abstract class SeriesTemplate(SandboxSeries series)
{
    public SandboxSeries Series { get; } = series;

    /// <summary>Proposes an event that closes at or after <paramref name="earliestClose"/> (within a day of it).</summary>
    public abstract EventDraft Draft(Random random, DateTimeOffset earliestClose);

    /// <summary>How long after its creation an event of this series may close: most run 6 hours to 29 days.</summary>
    public virtual (TimeSpan Soonest, TimeSpan Latest) Lifetime => (TimeSpan.FromHours(6), TimeSpan.FromDays(29));

    protected static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    protected static double Bounded(double probability) => Math.Clamp(probability, SandboxWorld.MinTruth, SandboxWorld.MaxTruth);
}
