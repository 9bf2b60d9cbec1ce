using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KalshiDesk.Benchmarks.Dashboards;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Benchmarks.Memory;

/// <summary>
/// Memory, a load script: the real desk (Release, its own process, paper trading, a fresh SQLite database) against a
/// Sandbox of 40,000 live markets over HTTP and its WebSocket, with trading cycles run one after another (each triggered
/// from the jobs dashboard, as "Trigger now" does). The desk's working set (VmRSS) and GC heap are sampled throughout and
/// read after every cycle. By default the Sandbox runs in this script's process, so the desk's figures are the desk's
/// alone; <c>--embedded true</c> has the desk start its own Sandbox, as <c>dotnet run</c> does, and counts it in.
/// </summary>
internal static class MemoryLoad
{
    public const string Name = "Memory";

    private const int SampleMs = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{Name}: {ex.Message}");
            Options.Usage(Console.Error);
            return 2;
        }

        var loadBefore = LoadReport.LoadAverage();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        SandboxServer? sandbox = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!options.Embedded)
        {
            sandbox = await SandboxServer.StartAsync(SandboxSetup.Options(options.World, options.Seed), null, ct).ConfigureAwait(false);
            environment["Kalshi__BaseUrl"] = sandbox.BaseUrl.AbsoluteUri;
            environment["Kalshi__WebSocketUrl"] = sandbox.WebSocketUrl.AbsoluteUri;
            foreach (var (key, value) in SandboxKeys.ClientSettings(sandbox))
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }

            LoadReport.Log($"Sandbox of {options.World:N0} markets (seed {options.Seed}, holding still) in this process at {sandbox.BaseUrl}");
        }

        try
        {
            var desk = DeskServer.Start(new DashboardLatencyOptions { World = options.World, Seed = options.Seed }, environment);
            await using var deskScope = desk.ConfigureAwait(false);
            await desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180), ct).ConfigureAwait(false);
            LoadReport.Log($"desk healthy at {desk.BaseAddress} (pid {desk.ProcessId}){(options.Embedded ? ", with its own Sandbox" : string.Empty)}");
            using var counters = RuntimeCounters.TryStart(desk.ProcessId, out var why);
            LoadReport.Log(counters is null ? $"no runtime counters: {why}" : "reading the desk's System.Runtime counters once a second");
            using var api = new DeskApi(desk.BaseAddress, DeskServer.ApiToken);
            await Task.Delay(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
            var idle = new Reading(desk.ReadMemory()?.Resident, counters?.Latest("gc-heap-size"));

            using var sampling = new CancellationTokenSource();
            long peakResident = 0;
            double peakHeap = 0;
            var sampler = Task.Run(
                async () =>
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        peakResident = Math.Max(peakResident, desk.ReadMemory()?.Resident ?? 0);
                        peakHeap = Math.Max(peakHeap, counters?.Latest("gc-heap-size") ?? 0);
                        try
                        {
                            await Task.Delay(SampleMs, sampling.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                },
                CancellationToken.None);

            counters?.Mark();
            var after = new List<(Reading Memory, int Scanned, double Seconds)>();
            var last = (await api.LastCycleAsync(ct).ConfigureAwait(false))?.Id;
            for (var n = 0; n < options.Cycles; n++)
            {
                var triggered = Stopwatch.GetTimestamp();
                if (!await api.TriggerCycleAsync(ct).ConfigureAwait(false))
                {
                    LoadReport.Log("the jobs dashboard refused the trigger: waiting for the minute's cycle");
                }

                var cycle = await NextCycleAsync(api, last, TimeSpan.FromMinutes(3), ct).ConfigureAwait(false);
                last = cycle.Id;

                // The counters report once a second: the heap after the cycle, not the one before it.
                await Task.Delay(TimeSpan.FromSeconds(1.5), ct).ConfigureAwait(false);
                var reading = new Reading(desk.ReadMemory()?.Resident, counters?.Latest("gc-heap-size"));
                var seconds = Stopwatch.GetElapsedTime(triggered).TotalSeconds;
                after.Add((reading, cycle.Scanned, seconds));
                LoadReport.Log($"cycle {n + 1}/{options.Cycles}: {cycle.Scanned:N0} markets scanned ({(cycle.FinishedAt - cycle.StartedAt)?.TotalSeconds:F1} s in the desk); working set {LoadReport.Mb(reading.Resident)}, GC heap {MbCounter(reading.HeapMb)}");
                await Task.Delay(options.PauseMs, ct).ConfigureAwait(false);
            }

            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            var end = desk.ReadMemory();
            var passed = peakResident > 0 && peakResident < options.LimitMb * 1024L * 1024;
            var text = Report(options, desk, loadBefore, idle, after, peakResident, peakHeap, end, counters, passed);
            Console.WriteLine();
            Console.WriteLine(text);
            LoadReport.Log($"report saved to {LoadReport.Save(Name, text)}");
            return passed ? 0 : 1;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public static void Usage(TextWriter output) => Options.Usage(output);

    private static async Task<(Guid Id, int Scanned, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)> NextCycleAsync(DeskApi api, Guid? after, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await api.LastCycleAsync(ct).ConfigureAwait(false) is { } cycle && cycle.Id != after)
            {
                return cycle;
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }

        throw new TimeoutException($"no trading cycle finished within {timeout.TotalSeconds} s");
    }

    private static string Report(Options options, DeskServer desk, string loadBefore, Reading idle, List<(Reading Memory, int Scanned, double Seconds)> after, long peakResident, double peakHeap, ProcMemory? end, RuntimeCounters? counters, bool passed)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"## Memory: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before {loadBefore}, after {LoadReport.LoadAverage()}");
        text.AppendLine(inv, $"- desk: {desk.Executable}, its own process, paper trading, fresh SQLite database; {(options.Embedded ? "its own embedded Sandbox" : "a Sandbox in the script's process, over HTTP and its WebSocket")} of {options.World:N0} markets (seed {options.Seed}) holding still");
        text.AppendLine(inv, $"- {after.Count} trading cycles, each triggered from the jobs dashboard once the one before had finished (and the minute's own cycles between); memory sampled every {SampleMs} ms");
        text.AppendLine();
        text.AppendLine("| when | working set (VmRSS) | GC heap |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(inv, $"| started, before any cycle | {LoadReport.Mb(idle.Resident)} | {MbCounter(idle.HeapMb)} |");
        for (var i = 0; i < after.Count; i++)
        {
            text.AppendLine(inv, $"| after cycle {i + 1} ({after[i].Scanned:N0} markets) | {LoadReport.Mb(after[i].Memory.Resident)} | {MbCounter(after[i].Memory.HeapMb)} |");
        }

        text.AppendLine(inv, $"| **peak during the cycles** | **{LoadReport.Mb(peakResident)}** | {MbCounter(peakHeap)} |");
        text.AppendLine(inv, $"| peak since the process started (VmHWM) | {LoadReport.Mb(end?.ResidentPeak)} | |");
        text.AppendLine();
        if (counters is not null)
        {
            text.AppendLine(inv, $"During the cycles the desk allocated {MbCounter(counters.SumSinceMark("alloc-rate") / (1024 * 1024))} and collected {counters.SumSinceMark("gen-0-gc-count"):F0} gen0, {counters.SumSinceMark("gen-1-gc-count"):F0} gen1, {counters.SumSinceMark("gen-2-gc-count"):F0} gen2 times; GC committed {MbCounter(counters.Latest("gc-committed"))} at the end.");
            text.AppendLine();
        }

        text.AppendLine(inv, $"Result: {(passed ? "PASS" : "FAIL")} (peak working set {LoadReport.Mb(peakResident)} {(passed ? "<" : "≥")} {options.LimitMb} MB)");
        return text.ToString();
    }

    private static string MbCounter(double? mb) => mb is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    /// <summary>Resident bytes and the GC heap in MB (as the runtime's counter reports it).</summary>
    private sealed record Reading(long? Resident, double? HeapMb);

    private sealed record Options
    {
        public int Cycles { get; init; } = 5;

        public int World { get; init; } = 40_000;

        public int Seed { get; init; } = 42;

        public bool Embedded { get; init; }

        public int PauseMs { get; init; } = 2_000;

        public int LimitMb { get; init; } = 500;

        public static void Usage(TextWriter output)
        {
            output.WriteLine("Memory options (defaults in brackets):");
            output.WriteLine("  --cycles N         trading cycles triggered one after another [5]");
            output.WriteLine("  --world N          markets in the Sandbox [40000]");
            output.WriteLine("  --seed N           world seed [42]");
            output.WriteLine("  --embedded B       true: the desk starts its own Sandbox and its memory counts in [false]");
            output.WriteLine("  --pause-ms N       pause after each cycle [2000]");
            output.WriteLine("  --limit-mb N       fail when the desk's peak working set is this or more [500]");
        }

        public static Options Parse(IReadOnlyList<string> args)
        {
            var options = new Options();
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
                    "--embedded" => options with { Embedded = bool.TryParse(value, out var b) ? b : throw new ArgumentException($"{key} must be true or false") },
                    "--pause-ms" => options with { PauseMs = Int(key, value, 0, 600_000) },
                    "--limit-mb" => options with { LimitMb = Int(key, value, 1, 100_000) },
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
}
