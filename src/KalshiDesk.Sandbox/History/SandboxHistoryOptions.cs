using System.Globalization;

namespace KalshiDesk.Sandbox.History;

/// <summary>What <see cref="SandboxHistory.Record"/> records: which world, from when, for how long, how often.</summary>
public sealed class SandboxHistoryOptions
{
    /// <summary>The default start, a fixed hour so that a seed alone names a recording: 2026-01-05 00:00 UTC, a Monday.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The world's seed, as <c>kalshidesk sandbox --seed</c> (default 42).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How many markets the world keeps open, as <c>kalshidesk sandbox --markets</c> (1–40000, default 48).</summary>
    public int Markets { get; set; } = 48;

    /// <summary>When the world is built and the recording starts (default <see cref="DefaultStart"/>); whole seconds.</summary>
    public DateTimeOffset Start { get; set; } = DefaultStart;

    /// <summary>How many days the recording spans (1–366, default 7): markets that settle by the end are written.</summary>
    public int Days { get; set; } = 7;

    /// <summary>How often each market is observed, from its open to its close (default 1 hour).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How much recorded time one step of the world stands for (default: <see cref="Every"/>). The world moves by
    /// steps, not by the clock (a 5% chance of news each step), so this, not <see cref="Every"/>, sets how fast prices move.
    /// </summary>
    public TimeSpan? Tick { get; set; }

    /// <summary>The end of the recording: <see cref="Start"/> plus <see cref="Days"/>.</summary>
    public DateTimeOffset End => Start.AddDays(Days);

    internal TimeSpan Step => Tick ?? Every;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Markets is < 1 or > 40000)
        {
            throw Fail(nameof(Markets), "must be between 1 and 40000");
        }

        if (Days is < 1 or > 366)
        {
            throw Fail(nameof(Days), "must be between 1 and 366");
        }

        if (Start.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Fail(nameof(Start), "must be a whole second");
        }

        if (Every < TimeSpan.FromSeconds(1) || Every.Ticks % TimeSpan.TicksPerSecond != 0 || Every > TimeSpan.FromDays(Days))
        {
            throw Fail(nameof(Every), "must be a whole number of seconds, at least 1 s and at most the span");
        }

        if (Step < TimeSpan.FromSeconds(1) || Step.Ticks % TimeSpan.TicksPerSecond != 0 || Every.Ticks % Step.Ticks != 0)
        {
            throw Fail(nameof(Tick), string.Create(CultureInfo.InvariantCulture, $"must be a whole number of seconds that divides Every ({Every})"));
        }
    }

    private static ArgumentException Fail(string setting, string problem) => new($"History:{setting}: {problem}.");
}
