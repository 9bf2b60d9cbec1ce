using System.Globalization;

namespace KalshiDesk.Benchmarks.Cycles;

/// <summary>How the Cycle load script runs the trading cycle: <c>--key value</c> pairs after the name.</summary>
internal sealed record CycleOptions
{
    /// <summary>Cycles measured in each configuration, after the first (cold) one.</summary>
    public int Cycles { get; init; } = 5;

    /// <summary>Markets in the Sandbox world.</summary>
    public int World { get; init; } = 40_000;

    public int Seed { get; init; } = 42;

    /// <summary>unpaced (client buckets raised, the Sandbox's off), basic (Kalshi's Basic tier at both ends), or both.</summary>
    public string Tier { get; init; } = "both";

    /// <summary>sqlite (a fresh file, the desk's default) or postgres (a fresh database on a server started from the system's binaries).</summary>
    public string Store { get; init; } = "sqlite";

    /// <summary>Record every market's forecast every cycle (<c>Scoring:RecordInterval</c> 0) instead of once an hour.</summary>
    public bool RecordEveryCycle { get; init; }

    /// <summary>Pause between cycles, so each starts with full token buckets as a cycle a minute does.</summary>
    public int PauseMs { get; init; } = 2_000;

    /// <summary>The unpaced cycle fails at this p95 or more.</summary>
    public double TargetMs { get; init; } = 2_000;

    /// <summary>The Basic-tier cycle fails when its mean is more than this many times the rate-limit floor.</summary>
    public double FloorRatio { get; init; } = 1.2;

    public static void Usage(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Cycle options (defaults in brackets):");
        output.WriteLine("  --cycles N             cycles measured per configuration, after the first (cold) one [5]");
        output.WriteLine("  --world N              markets in the Sandbox [40000]");
        output.WriteLine("  --seed N               world seed [42]");
        output.WriteLine("  --tier T               unpaced | basic (Kalshi's Basic tier, client and Sandbox) | both [both]");
        output.WriteLine("  --store S              sqlite | postgres (a server started from the system's binaries) [sqlite]");
        output.WriteLine("  --record-every-cycle B true: every market's forecast recorded every cycle, not once an hour [false]");
        output.WriteLine("  --pause-ms N           pause between cycles, so each starts with full token buckets [2000]");
        output.WriteLine("  --target-ms N          fail when the unpaced p95 is this or more [2000]");
        output.WriteLine("  --floor-ratio X        fail when the Basic-tier mean exceeds X times the rate-limit floor [1.2]");
    }

    public static CycleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CycleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var key = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{key} needs a value");
            }

            var value = args[++i];
            options = key switch
            {
                "--cycles" => options with { Cycles = Int(key, value, 1, 1_000) },
                "--world" => options with { World = Int(key, value, 1, 100_000) },
                "--seed" => options with { Seed = Int(key, value, int.MinValue, int.MaxValue) },
                "--tier" => options with { Tier = OneOf(key, value, "unpaced", "basic", "both") },
                "--store" => options with { Store = OneOf(key, value, "sqlite", "postgres") },
                "--record-every-cycle" => options with { RecordEveryCycle = bool.TryParse(value, out var b) ? b : throw new ArgumentException($"{key} must be true or false") },
                "--pause-ms" => options with { PauseMs = Int(key, value, 0, 600_000) },
                "--target-ms" => options with { TargetMs = Int(key, value, 1, 600_000) },
                "--floor-ratio" => options with { FloorRatio = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r >= 1 ? r : throw new ArgumentException($"{key} must be a number of at least 1") },
                _ => throw new ArgumentException($"unknown option {key}"),
            };
        }

        return options;
    }

    private static string OneOf(string key, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw new ArgumentException($"{key} must be one of {string.Join(", ", allowed)}");

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}");
}
