using System.Globalization;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>How DashboardLatency loads the desk: <c>--key value</c> pairs after the name.</summary>
internal sealed record DashboardLatencyOptions
{
    /// <summary>Browser pages open on the Portfolio page, each in its own browser context (its own sign-in and circuit).</summary>
    public int Pages { get; init; } = 20;

    /// <summary>Fills measured.</summary>
    public int Fills { get; init; } = 40;

    /// <summary>Fills before the measured ones (JIT, first renders); not counted.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Pause between one fill showing on every page and approving the next.</summary>
    public int IntervalMs { get; init; } = 750;

    /// <summary>How long a page may take to show a fill before the run fails.</summary>
    public int TimeoutMs { get; init; } = 15_000;

    /// <summary>The run fails (exit 1) when the p95 latency is this or more.</summary>
    public double TargetMs { get; init; } = 250;

    /// <summary>Markets in the desk's embedded Sandbox world.</summary>
    public int World { get; init; } = 400;

    public int Seed { get; init; } = 42;

    /// <summary>The desk's executable (<c>kalshidesk.dll</c>); by default the Release build beside this one.</summary>
    public string? Desk { get; init; }

    /// <summary>
    /// The desk's ASPNETCORE_ENVIRONMENT: Development, as <c>dotnet run --project src/KalshiDesk.Web</c> starts it. A build
    /// (not a publish) started as Production serves the framework's scripts empty, so no page would go live.
    /// </summary>
    public string Environment { get; init; } = "Development";

    /// <summary>The Chromium executable; never downloaded.</summary>
    public string Chromium { get; init; } = System.Environment.GetEnvironmentVariable("KALSHIDESK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static void Usage(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("DashboardLatency options (defaults in brackets):");
        output.WriteLine("  --pages N          browser pages on /portfolio, each its own context, sign-in and circuit [20]");
        output.WriteLine("  --fills N          fills measured, each approved through POST /api/proposals/{id}/approve [40]");
        output.WriteLine("  --warmup N         fills first, not counted [3]");
        output.WriteLine("  --interval-ms N    pause after a fill has shown on every page [750]");
        output.WriteLine("  --timeout-ms N     a page that has not shown a fill after this fails the run [15000]");
        output.WriteLine("  --target-ms N      fail when p95 is this or more [250]");
        output.WriteLine("  --world N          markets in the desk's Sandbox [400]");
        output.WriteLine("  --seed N           world seed [42]");
        output.WriteLine("  --desk PATH        kalshidesk.dll to start [the Release build beside this program]");
        output.WriteLine("  --environment E    the desk's ASPNETCORE_ENVIRONMENT, as dotnet run sets it [Development]");
        output.WriteLine("  --chromium PATH    Chromium executable, never downloaded [$KALSHIDESK_CHROMIUM or /usr/bin/chromium]");
    }

    public static DashboardLatencyOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DashboardLatencyOptions();
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
                "--pages" => options with { Pages = Int(key, value, 1, 200) },
                "--fills" => options with { Fills = Int(key, value, 1, 10_000) },
                "--warmup" => options with { Warmup = Int(key, value, 1, 100) },
                "--interval-ms" => options with { IntervalMs = Int(key, value, 0, 600_000) },
                "--timeout-ms" => options with { TimeoutMs = Int(key, value, 100, 600_000) },
                "--target-ms" => options with { TargetMs = Int(key, value, 1, 600_000) },
                "--world" => options with { World = Int(key, value, 1, 40_000) },
                "--seed" => options with { Seed = Int(key, value, int.MinValue, int.MaxValue) },
                "--desk" => options with { Desk = Path.GetFullPath(value) },
                "--environment" => options with { Environment = value },
                "--chromium" => options with { Chromium = value },
                _ => throw new ArgumentException($"unknown option {key}"),
            };
        }

        return options;
    }

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}");
}
