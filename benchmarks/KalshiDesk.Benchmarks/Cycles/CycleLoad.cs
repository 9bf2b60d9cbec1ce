using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KalshiDesk.Benchmarks.Paging;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi.RateLimiting;
using KalshiDesk.Sandbox;
using KalshiDesk.TestKit;

namespace KalshiDesk.Benchmarks.Cycles;

/// <summary>
/// Cycle, a load script: the real <see cref="TradingCycle.RunAsync"/> against a Sandbox of 40,000 markets over HTTP,
/// through the desk's own client (markets paged 1,000 at a time), deciding every market, persisting the forecasts,
/// proposals, cycle run and equity point, and publishing the cycle's events. Unpaced (the client's buckets raised, the
/// Sandbox's off) it measures the desk's own work; at Kalshi's Basic tier at both ends it is set against the floor the
/// client's token bucket puts under the requests the cycle made.
/// </summary>
internal static class CycleLoad
{
    public const string Name = "Cycle";

    public static async Task<int> RunAsync(string[] args)
    {
        CycleOptions options;
        try
        {
            options = CycleOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{Name}: {ex.Message}");
            CycleOptions.Usage(Console.Error);
            return 2;
        }

        var loadBefore = LoadReport.LoadAverage();
        PostgresServer? postgres = null;
        if (options.Store == "postgres")
        {
            postgres = new PostgresServer();
            await postgres.InitializeAsync().ConfigureAwait(false);
            LoadReport.Log($"PostgreSQL started from the system's binaries on 127.0.0.1:{postgres.Port}");
        }

        var runs = new List<TierRun>();
        try
        {
            foreach (var tier in options.Tier == "both" ? new[] { "unpaced", "basic" } : [options.Tier])
            {
                runs.Add(await RunTierAsync(options, tier, postgres).ConfigureAwait(false));
            }
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }
        }

        var (text, passed) = Report(options, runs, loadBefore);
        Console.WriteLine();
        Console.WriteLine(text);
        LoadReport.Log($"report saved to {LoadReport.Save(Name, text)}");
        return passed ? 0 : 1;
    }

    private static async Task<TierRun> RunTierAsync(CycleOptions options, string tier, PostgresServer? postgres)
    {
        var paced = tier == "basic";
        var built = Stopwatch.GetTimestamp();
        var sandbox = await SandboxServer.StartAsync(SandboxSetup.Options(options.World, options.Seed, serverRateLimits: paced)).ConfigureAwait(false);
        await using var sandboxScope = sandbox.ConfigureAwait(false);
        LoadReport.Log($"{tier}: Sandbox of {options.World:N0} markets (seed {options.Seed}, holding still, its rate limits {(paced ? "at the Basic tier" : "off")}) at {sandbox.BaseUrl} in {Stopwatch.GetElapsedTime(built).TotalSeconds:F1} s");

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (options.RecordEveryCycle)
        {
            settings["Scoring:RecordInterval"] = "00:00:00";
        }

        var desk = await CycleDesk.StartAsync(sandbox, paced ? null : PagingFixture.Unpaced, postgres, settings).ConfigureAwait(false);
        await using var deskScope = desk.ConfigureAwait(false);
        var limits = desk.Limiter.Limits;
        LoadReport.Log($"{tier}: desk on {desk.Database.Location}; client token buckets '{limits.Tier}' ({limits.ReadRefillPerSecond:N0} read tokens a second, {limits.DefaultCost} a request)");

        var samples = new List<CycleSample>();
        for (var n = 0; n <= options.Cycles; n++)
        {
            await Task.Delay(options.PauseMs).ConfigureAwait(false);
            desk.Requests.Take();
            var allocated = GC.GetTotalAllocatedBytes();
            var started = Stopwatch.GetTimestamp();
            var report = await desk.Cycle().RunAsync().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var (sent, limited) = desk.Requests.Take();
            var sample = new CycleSample(n == 0, elapsed, report, sent, limited, GC.GetTotalAllocatedBytes() - allocated, RateFloor.Of(limits, sent, limited));
            samples.Add(sample);
            LoadReport.Log($"{tier}: cycle {n}{(n == 0 ? " (cold)" : string.Empty)}: {elapsed:F0} ms; {report.Scanned:N0} scanned, {report.Proposed} proposed; {sent.Values.Sum()} requests ({Describe(sent)}), {limited} answered 429; floor {sample.Floor.Seconds * 1000:F0} ms");
        }

        return new TierRun(tier, limits, samples, await desk.RowCountsAsync().ConfigureAwait(false), desk.Database.Provider.ToString(), paced ? sandbox.RateLimited : 0);
    }

    private static (string Text, bool Passed) Report(CycleOptions options, List<TierRun> runs, string loadBefore)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var passed = true;
        text.AppendLine(inv, $"## Cycle: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before {loadBefore}, after {LoadReport.LoadAverage()}");
        text.AppendLine(inv, $"- world: {options.World:N0} markets (seed {options.Seed}), holding still; the Sandbox and the desk share this process");
        text.AppendLine(inv, $"- store: {options.Store}; forecasts recorded {(options.RecordEveryCycle ? "for every market every cycle (Scoring:RecordInterval 0)" : "once an hour per market (the default), so the cold cycle records every market and later ones only what they propose")}");
        text.AppendLine(inv, $"- {options.Cycles} cycles measured after the cold one, {options.PauseMs} ms apart");
        text.AppendLine();
        text.AppendLine("| buckets | cold cycle | mean | p95 | max | requests a cycle | 429s | rate-limit floor | mean ÷ floor | allocated a cycle |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var cold = run.Samples.First(s => s.Cold);
            var warm = run.Samples.Where(s => !s.Cold).ToList();
            var times = warm.Select(s => s.Ms).ToList();
            var mean = times.Average();
            var p95 = LoadReport.Quantile(times, 0.95);
            var floorMs = warm.Average(s => s.Floor.Seconds) * 1000;
            var ratio = floorMs > 0 ? mean / floorMs : double.NaN;
            var ok = run.Tier == "basic" ? ratio <= options.FloorRatio : p95 < options.TargetMs;
            passed &= ok;
            text.AppendLine(inv, $"| {run.Tier} ({run.Limits.Tier}) | {LoadReport.Ms(cold.Ms)} | **{LoadReport.Ms(mean)}** | {LoadReport.Ms(p95)} | {LoadReport.Ms(times.Max())} | {warm.Average(s => s.Sent.Values.Sum()):F0} | {warm.Sum(s => s.Limited)} | {LoadReport.Ms(floorMs)} | {(double.IsNaN(ratio) ? "—" : ratio.ToString("F2", inv))} | {LoadReport.Mb(warm.Average(s => (double)s.Allocated))} |");
        }

        text.AppendLine();
        foreach (var run in runs)
        {
            var cold = run.Samples.First(s => s.Cold);
            var warm = run.Samples.Where(s => !s.Cold).ToList();
            var last = warm[^1];
            text.AppendLine(inv, $"**{run.Tier}**: cold cycle's requests: {Describe(cold.Sent)} ({cold.Floor.Tokens:N0} tokens, floor {cold.Floor.Seconds * 1000:F0} ms). A later cycle's: {Describe(last.Sent)} ({last.Floor.Tokens:N0} tokens).");
            text.AppendLine(inv, $"Funnel of the last cycle: {last.Report.Scanned:N0} scanned, {last.Report.Priced:N0} priced, {last.Report.WithEdge:N0} with edge, {last.Report.Sized:N0} sized, {last.Report.RiskPassed:N0} risk-passed, {last.Report.Proposed} proposed. Stored at the end ({run.Provider}): {run.Rows}. The Sandbox answered {run.SandboxLimited} requests 429 in all.");
            text.AppendLine();
        }

        var basic = runs.FirstOrDefault(r => r.Tier == "basic")?.Limits ?? KalshiRateLimits.Basic;
        var (step, limit) = RateFloor.Bucket(basic);
        text.AppendLine(inv, $"The rate-limit floor of a cycle is the time the client's read bucket needs to pass the tokens of the requests the cycle made (429s not counted), starting full: max(0, tokens − {limit}) ÷ {basic.ReadRefillPerSecond} s. At the Basic tier the bucket holds {limit} tokens ({basic.ReadCapacity} less two refill steps of {step}) and refills {basic.ReadRefillPerSecond} a second in steps of {step} every {1000.0 * step / basic.ReadRefillPerSecond:F0} ms; a request costs {basic.DefaultCost} tokens. The unpaced row's floor is what the same requests would need at the Basic tier.");
        text.AppendLine();
        text.AppendLine(inv, $"Result: {(passed ? "PASS" : "FAIL")} (unpaced p95 under {options.TargetMs} ms; Basic-tier mean within {options.FloorRatio:F1}× the floor)");
        return (text.ToString(), passed);
    }

    private static string Describe(Dictionary<string, int> sent) =>
        string.Join(", ", sent.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} × {p.Key}")));

    private sealed record TierRun(string Tier, KalshiRateLimits Limits, List<CycleSample> Samples, string Rows, string Provider, long SandboxLimited);

    private sealed record CycleSample(bool Cold, double Ms, CycleReport Report, Dictionary<string, int> Sent, long Limited, long Allocated, RateFloor Floor);
}

/// <summary>The least time the client's read bucket (Basic tier) lets a set of requests through, starting full.</summary>
internal sealed record RateFloor(int Tokens, double Seconds)
{
    /// <summary>The tokens of <paramref name="sent"/> (429s taken out, each at the default cost) and the time over the full bucket.</summary>
    public static RateFloor Of(KalshiRateLimits actual, Dictionary<string, int> sent, long limited)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(sent);

        // Set against Kalshi's Basic tier whatever the run's own buckets were: the unpaced run's floor says what pacing would cost it.
        var basic = KalshiRateLimits.Basic;
        var tokens = 0;
        foreach (var (key, count) in sent)
        {
            var (method, path) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            if (!KalshiRateLimits.IsWrite(new HttpMethod(method), path))
            {
                tokens += count * basic.CostOf(new HttpMethod(method), path);
            }
        }

        tokens -= (int)limited * basic.DefaultCost;
        var (_, limit) = Bucket(basic);
        return new RateFloor(tokens, Math.Max(0, tokens - limit) / (double)basic.ReadRefillPerSecond);
    }

    /// <summary>The client's read bucket as KalshiRateLimiter sizes it: steps of 1/50 s, two steps under the exchange's capacity.</summary>
    public static (int Step, int Limit) Bucket(KalshiRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var step = Math.Max(limits.ReadRefillPerSecond / 50, 1);
        return (step, Math.Max(limits.ReadCapacity - (2 * step), Math.Min(limits.ReadCapacity, limits.DefaultCost)));
    }
}
