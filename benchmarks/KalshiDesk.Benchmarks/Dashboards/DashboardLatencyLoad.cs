using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Playwright;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>
/// DashboardLatency, a load script: the real desk as its own process (Release, paper trading against its Sandbox, a
/// fresh SQLite database), N Chromium pages signed in on /portfolio, then fill after fill approved through the REST API.
/// For every fill and page: the time from the fill's commit to its row showing in that page, and the desk's memory.
/// </summary>
internal static class DashboardLatencyLoad
{
    public const string Name = "DashboardLatency";

    private const string CycleJob = "trading-cycle";

    private static readonly string[] ChromiumArguments =
    [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        DashboardLatencyOptions options;
        try
        {
            options = DashboardLatencyOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{Name}: {ex.Message}");
            DashboardLatencyOptions.Usage(Console.Error);
            return 2;
        }

        if (!File.Exists(options.Chromium))
        {
            Console.Error.WriteLine($"{Name}: Chromium not found at {options.Chromium} (apt-get install chromium, or --chromium PATH); it is never downloaded.");
            return 2;
        }

        var loadBefore = LoadReport.LoadAverage();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        LoadReport.Log($"starting the desk ({(options.Desk is null ? DeskServer.DefaultExecutable() : options.Desk)}): paper trading, Sandbox of {options.World} markets (seed {options.Seed}, holding still), ASPNETCORE_ENVIRONMENT={options.Environment}");
        var desk = DeskServer.Start(options);
        await using var deskScope = desk.ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        await desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120), ct).ConfigureAwait(false);
        LoadReport.Log($"healthy at {desk.BaseAddress} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (pid {desk.ProcessId})");

        using var counters = RuntimeCounters.TryStart(desk.ProcessId, out var countersWhy);
        LoadReport.Log(counters is null ? $"no runtime counters: {countersWhy}" : "reading the desk's runtime counters (System.Runtime) over its diagnostics port once a second");

        using var api = new DeskApi(desk.BaseAddress, DeskServer.ApiToken);

        // Room for every fill: small trades, and no cap on their sum, their count or the day's loss (the marks move).
        foreach (var (limit, value) in new (string, decimal)[] { ("maxSingleTrade", 0.01m), ("maxTotalExposure", 1m), ("maxEventExposure", 1m), ("maxOpenPositions", 10_000m), ("dailyLossLimit", 1m), ("maxDrawdown", 1m) })
        {
            await api.SetRiskOverrideAsync(limit, value, ct).ConfigureAwait(false);
        }

        LoadReport.Log("risk overrides set through PUT /api/risk/overrides: maxSingleTrade 0.01, maxTotalExposure/maxEventExposure/dailyLossLimit/maxDrawdown 1, maxOpenPositions 10000");
        await Task.Delay(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
        var memoryIdle = desk.ReadMemory();
        var heapIdle = counters?.Latest("gc-heap-size");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium,
            Headless = true,
            Args = Environment.IsPrivilegedProcess ? ["--no-sandbox", .. ChromiumArguments] : ChromiumArguments,
            Timeout = 60_000,
        }).ConfigureAwait(false);
        await using var browserScope = browser.ConfigureAwait(false);
        LoadReport.Log($"Chromium {browser.Version} from {options.Chromium}; signing in {options.Pages} pages, each in its own context");

        var pages = new List<DashboardPage>();
        for (var i = 0; i < options.Pages; i++)
        {
            pages.Add(await DashboardPage.OpenAsync(i + 1, browser, desk.BaseAddress, DeskServer.AdminPassword).ConfigureAwait(false));
        }

        foreach (var page in pages)
        {
            await page.WatchAsync().ConfigureAwait(false);
        }

        LoadReport.Log($"{pages.Count} pages on /portfolio, each watching its positions table");
        var source = new ProposalSource(api);
        var sampler = new MemorySampler(desk);
        var samples = new List<FillSample>();
        var skipped = new List<string>();
        var timeouts = new List<string>();
        var failed = false;
        MemorySnapshot? memoryPages = null;
        double? heapPages = null;
        try
        {
            for (var n = -options.Warmup; n < options.Fills && !failed; n++)
            {
                if (n == 0)
                {
                    // The warm-up fills have shown on every page: every circuit is live. The measured run starts.
                    await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
                    memoryPages = MemorySnapshot.Of(desk.ReadMemory());
                    heapPages = counters?.Latest("gc-heap-size");
                    counters?.Mark();
                    sampler.Start();
                    LoadReport.Log($"warm-up done ({options.Warmup} fills shown on every page); measuring {options.Fills} fills");
                }

                var fill = await FillOnceAsync(api, source, skipped, ct).ConfigureAwait(false);
                var shown = await Task.WhenAll(pages.Select(p => p.ShownAtAsync(fill.PositionId, fill.Contracts, TimeSpan.FromMilliseconds(options.TimeoutMs)))).ConfigureAwait(false);
                var latencies = shown.Select(at => at is { } ms ? ms - fill.CommittedMs : (double?)null).ToArray();
                for (var i = 0; i < latencies.Length; i++)
                {
                    if (latencies[i] is null)
                    {
                        timeouts.Add($"fill {n + 1} ({fill.PositionId} → {fill.Contracts}): page {pages[i].Index} did not show it within {options.TimeoutMs} ms");
                        if (!failed)
                        {
                            LoadReport.Log($"page {pages[i].Index} did not show {fill.PositionId} → {fill.Contracts}: {await pages[i].DescribeAsync().ConfigureAwait(false)}");
                        }

                        failed = true;
                    }
                }

                if (n >= 0)
                {
                    samples.Add(fill with { PageLatencies = latencies });
                    var got = latencies.OfType<double>().ToList();
                    if (got.Count > 0 && ((n + 1) % 10 == 0 || n == 0))
                    {
                        LoadReport.Log($"fill {n + 1}/{options.Fills}: {fill.PositionId} ×{fill.Contracts}; shown on {got.Count}/{pages.Count} pages {got.Min():F0}–{got.Max():F0} ms after its commit; approve returned {fill.ApproveReturnedMs:F0} ms after");
                    }
                }
                else if (latencies.Any(l => l is null))
                {
                    LoadReport.Log($"warm-up fill {fill.PositionId} did not show on every page");
                }

                await Task.Delay(options.IntervalMs, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await sampler.StopAsync().ConfigureAwait(false);
        }

        var memoryEnd = desk.ReadMemory();
        var report = Report(options, desk, browser.Version, loadBefore, samples, skipped, timeouts, memoryIdle, memoryPages, sampler, memoryEnd, counters, heapIdle, heapPages, source.Cycles);
        Console.WriteLine();
        Console.WriteLine(report.Text);
        var file = LoadReport.Save(Name, report.Text);
        LoadReport.Log($"report saved to {file}");

        foreach (var page in pages)
        {
            await page.CloseAsync().ConfigureAwait(false);
        }

        return report.Passed ? 0 : 1;
    }

    /// <summary>Approves pending taker proposals until one fills; the fill as GET /api/positions shows it.</summary>
    private static async Task<FillSample> FillOnceAsync(DeskApi api, ProposalSource source, List<string> skipped, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var proposal = await source.NextAsync(ct).ConfigureAwait(false);
            var before = await api.PositionsAsync(ct).ConfigureAwait(false);
            var had = before.TryGetValue(proposal.PositionId, out var b) ? b.Contracts : 0m;
            var sent = DateTimeOffset.UtcNow;
            var (status, reason, returned) = await api.ApproveAsync(proposal.Id, ct).ConfigureAwait(false);
            if (status != "executed")
            {
                skipped.Add($"{proposal.Ticker}: {status}: {reason}");
                continue;
            }

            var after = await api.PositionsAsync(ct).ConfigureAwait(false);
            if (!after.TryGetValue(proposal.PositionId, out var position) || position.Contracts <= had)
            {
                skipped.Add($"{proposal.Ticker}: executed, but GET /api/positions shows no more contracts than before");
                continue;
            }

            var committed = position.UpdatedAt.ToUnixTimeMilliseconds() + (position.UpdatedAt.Ticks % TimeSpan.TicksPerMillisecond / (double)TimeSpan.TicksPerMillisecond);
            return new FillSample(
                proposal.PositionId,
                position.Contracts,
                committed,
                (returned - sent).TotalMilliseconds,
                returned.ToUnixTimeMilliseconds() - committed,
                []);
        }

        throw new InvalidOperationException($"200 approvals in a row did not fill; the last reasons: {string.Join(" | ", skipped.TakeLast(5))}");
    }

    private static (string Text, bool Passed) Report(
        DashboardLatencyOptions options,
        DeskServer desk,
        string browserVersion,
        string loadBefore,
        List<FillSample> samples,
        List<string> skipped,
        List<string> timeouts,
        ProcMemory? memoryIdle,
        MemorySnapshot? memoryPages,
        MemorySampler sampler,
        ProcMemory? memoryEnd,
        RuntimeCounters? counters,
        double? heapIdle,
        double? heapPages,
        int cycles)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var all = samples.SelectMany(s => s.PageLatencies.OfType<double>()).ToList();
        var slowestPage = samples.Where(s => s.PageLatencies.All(l => l is not null)).Select(s => s.PageLatencies.Max(l => l!.Value)).ToList();
        var fastestPage = samples.Where(s => s.PageLatencies.All(l => l is not null)).Select(s => s.PageLatencies.Min(l => l!.Value)).ToList();
        var approveAfterCommit = samples.Select(s => s.ApproveReturnedMs).ToList();
        var approveCall = samples.Select(s => s.ApproveCallMs).ToList();
        var p95 = LoadReport.Quantile(all, 0.95);
        var passed = timeouts.Count == 0 && samples.Count == options.Fills && all.Count > 0 && p95 < options.TargetMs;

        text.AppendLine(inv, $"## DashboardLatency: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before {loadBefore}, after {LoadReport.LoadAverage()}");
        text.AppendLine(inv, $"- desk: {desk.Executable} ({DeskBuild(desk.Executable)}), its own process, ASPNETCORE_ENVIRONMENT={options.Environment}, paper trading, embedded Sandbox of {options.World} markets holding still, fresh SQLite database");
        text.AppendLine(inv, $"- browsers: one headless Chromium {browserVersion}, {options.Pages} contexts, each signed in as admin on /portfolio (its own Blazor circuit); the desk, Chromium and this script share the machine");
        text.AppendLine(inv, $"- fills: {samples.Count} measured after {options.Warmup} warm-up, one at a time, each a pending taker proposal approved through POST /api/proposals/{{id}}/approve, {options.IntervalMs} ms apart once shown everywhere; {skipped.Count} approvals did not fill and were skipped; {cycles} trading cycles triggered for proposals");
        text.AppendLine("- latency: from the fill's timestamp (the position's updatedAt in GET /api/positions, taken as the fill is booked, before its transaction commits) to the moment a MutationObserver in the page saw the row show the new contract count (Date.now(), the same machine's clock)");
        text.AppendLine();
        text.AppendLine("| ms after the fill | samples | p50 | p95 | p99 | max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(inv, $"| **shown on a page** (every fill × page) | {all.Count} | {Millis(LoadReport.Quantile(all, 0.50))} | **{Millis(p95)}** | {Millis(LoadReport.Quantile(all, 0.99))} | {Millis(LoadReport.Quantile(all, 1))} |");
        text.AppendLine(inv, $"| shown on the first page of {options.Pages} (per fill) | {fastestPage.Count} | {Millis(LoadReport.Quantile(fastestPage, 0.50))} | {Millis(LoadReport.Quantile(fastestPage, 0.95))} | {Millis(LoadReport.Quantile(fastestPage, 0.99))} | {Millis(LoadReport.Quantile(fastestPage, 1))} |");
        text.AppendLine(inv, $"| shown on the last page of {options.Pages} (per fill) | {slowestPage.Count} | {Millis(LoadReport.Quantile(slowestPage, 0.50))} | {Millis(LoadReport.Quantile(slowestPage, 0.95))} | {Millis(LoadReport.Quantile(slowestPage, 0.99))} | {Millis(LoadReport.Quantile(slowestPage, 1))} |");
        text.AppendLine(inv, $"| the approve call returned to its caller | {approveAfterCommit.Count} | {Millis(LoadReport.Quantile(approveAfterCommit, 0.50))} | {Millis(LoadReport.Quantile(approveAfterCommit, 0.95))} | {Millis(LoadReport.Quantile(approveAfterCommit, 0.99))} | {Millis(LoadReport.Quantile(approveAfterCommit, 1))} |");
        text.AppendLine();
        text.AppendLine(inv, $"The approve call itself (request to response) took p50 {Millis(LoadReport.Quantile(approveCall, 0.50))} ms, p95 {Millis(LoadReport.Quantile(approveCall, 0.95))} ms, max {Millis(LoadReport.Quantile(approveCall, 1))} ms.");
        text.AppendLine();
        text.AppendLine("| page | p50 | p95 | max |");
        text.AppendLine("|---:|---:|---:|---:|");
        for (var i = 0; i < options.Pages; i++)
        {
            var mine = samples.Select(s => s.PageLatencies.ElementAtOrDefault(i)).OfType<double>().ToList();
            text.AppendLine(inv, $"| {i + 1} | {Millis(LoadReport.Quantile(mine, 0.50))} | {Millis(LoadReport.Quantile(mine, 0.95))} | {Millis(LoadReport.Quantile(mine, 1))} |");
        }

        text.AppendLine();
        text.AppendLine("**The desk's memory** (its process: VmRSS from /proc; the GC heap from its System.Runtime counters)");
        text.AppendLine();
        text.AppendLine("| when | working set (VmRSS) | GC heap |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(inv, $"| started, no page open | {Mb(memoryIdle?.Resident)} | {MbCounter(heapIdle)} |");
        text.AppendLine(inv, $"| {options.Pages} pages signed in, after the warm-up fills | {Mb(memoryPages?.Resident)} | {MbCounter(heapPages)} |");
        text.AppendLine(inv, $"| peak during the measured fills (sampled every {MemorySampler.IntervalMs} ms) | {Mb(sampler.Peak)} | {MbCounter(counters?.PeakSinceMark("gc-heap-size"))} |");
        text.AppendLine(inv, $"| end | {Mb(memoryEnd?.Resident)} | {MbCounter(counters?.Latest("gc-heap-size"))} |");
        text.AppendLine(inv, $"| peak since the process started (VmHWM) | {Mb(memoryEnd?.ResidentPeak)} | |");
        text.AppendLine();
        if (counters is not null)
        {
            text.AppendLine(inv, $"During the measured fills the desk allocated {MbCounter(counters.SumSinceMark("alloc-rate") / (1024 * 1024))} and collected {counters.SumSinceMark("gen-0-gc-count"):F0} gen0, {counters.SumSinceMark("gen-1-gc-count"):F0} gen1, {counters.SumSinceMark("gen-2-gc-count"):F0} gen2 times; GC committed {MbCounter(counters.Latest("gc-committed"))} at the end.");
            text.AppendLine();
        }

        foreach (var line in timeouts.Take(10))
        {
            text.AppendLine(inv, $"- timeout: {line}");
        }

        foreach (var group in skipped.GroupBy(s => s.Split(": ", 3) is { Length: 3 } p ? p[1] + ": " + p[2].Split(':')[0] : s).Take(5))
        {
            text.AppendLine(inv, $"- skipped ×{group.Count()}: {group.Key}");
        }

        text.AppendLine(inv, $"Result: {(passed ? "PASS" : "FAIL")} (p95 {Millis(p95)} ms {(p95 < options.TargetMs ? "<" : "≥")} {options.TargetMs} ms target; {timeouts.Count} page timeouts; {samples.Count}/{options.Fills} fills)");
        return (text.ToString(), passed);
    }

    // LoadReport.Ms without its " ms" unit, for table cells headed in ms.
    private static string Millis(double ms) => double.IsNaN(ms) ? "—" : LoadReport.Ms(ms)[..^3];

    private static string Mb(long? bytes) => bytes is { } b ? (b / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private static string MbCounter(double? mb) => mb is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private static string DeskBuild(string executable) =>
        executable.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase) ? "Release" : "not the Release build: numbers not comparable";

    /// <summary>Pending taker proposals, one at a time; when none is left, a trading cycle is run for more.</summary>
    private sealed class ProposalSource(DeskApi api)
    {
        private readonly Queue<PendingProposal> _queue = new();
        private readonly HashSet<Guid> _handed = [];

        public int Cycles { get; private set; }

        public async Task<PendingProposal> NextAsync(CancellationToken ct)
        {
            for (var round = 0; round < 20; round++)
            {
                if (_queue.Count == 0)
                {
                    await RefillAsync(ct).ConfigureAwait(false);
                }

                if (_queue.TryDequeue(out var next))
                {
                    return next;
                }

                Cycles++;
                var triggered = await api.TriggerCycleAsync(ct).ConfigureAwait(false);
                LoadReport.Log(triggered ? $"no pending taker proposal: triggered {CycleJob} from the jobs dashboard" : "no pending taker proposal, and the jobs dashboard refused the trigger: waiting for the minute's cycle");
                var deadline = Stopwatch.GetTimestamp() + (90 * Stopwatch.Frequency);
                while (_queue.Count == 0 && Stopwatch.GetTimestamp() < deadline)
                {
                    await Task.Delay(500, ct).ConfigureAwait(false);
                    await RefillAsync(ct).ConfigureAwait(false);
                }

                // The cycle's own redraw (CycleCompleted) on every page passes before the next fill is timed.
                await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            }

            throw new InvalidOperationException("20 trading cycles proposed nothing to approve");
        }

        private async Task RefillAsync(CancellationToken ct)
        {
            foreach (var proposal in (await api.PendingAsync(ct).ConfigureAwait(false)).OrderBy(p => p.CreatedAt))
            {
                if (!_handed.Add(proposal.Id))
                {
                    continue;
                }

                if (proposal.Route != "taker")
                {
                    // A maker bid would rest, not fill: out of the way, so the market can be proposed again.
                    await api.RejectAsync(proposal.Id, "dashboard latency run: only taker fills are timed", ct).ConfigureAwait(false);
                    continue;
                }

                _queue.Enqueue(proposal);
            }
        }
    }

    /// <summary>The desk's VmRSS every <see cref="IntervalMs"/> ms while the fills run; the highest seen.</summary>
    private sealed class MemorySampler(DeskServer desk)
    {
        public const int IntervalMs = 200;

        private readonly CancellationTokenSource _stop = new();
        private Task? _loop;

        public long? Peak { get; private set; }

        public void Start() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (desk.ReadMemory() is { } m)
                {
                    Peak = Math.Max(Peak ?? 0, m.Resident);
                }

                try
                {
                    await Task.Delay(IntervalMs, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            if (_loop is not null)
            {
                await _loop.ConfigureAwait(false);
            }

            _stop.Dispose();
        }
    }
}

/// <summary>One fill: where, how many contracts after it, when it was booked (Unix ms), and each page's latency.</summary>
internal sealed record FillSample(string PositionId, decimal Contracts, double CommittedMs, double ApproveCallMs, double ApproveReturnedMs, double?[] PageLatencies);

/// <summary>The desk's resident memory at one moment.</summary>
internal sealed record MemorySnapshot(long? Resident)
{
    public static MemorySnapshot Of(ProcMemory? memory) => new(memory?.Resident);
}
