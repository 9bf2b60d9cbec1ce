using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>
/// BookStream, a load script (sustained throughput is not what BenchmarkDotNet measures): a Sandbox, N WebSocket
/// subscribers to <c>orderbook_delta</c> for the same markets, the books driven for a fixed time, and per subscriber the
/// updates received a second, <c>seq</c> gaps, delivery latency, and whether its books still equal REST's at the end.
/// </summary>
internal static class BookStreamLoad
{
    public const string Name = "BookStream";

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        BookStreamOptions options;
        try
        {
            options = BookStreamOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"BookStream: {ex.Message}");
            BookStreamOptions.Usage(Console.Error);
            return 2;
        }

        var loadBefore = LoadAverage();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + options.WarmupSeconds) + TimeSpan.FromMinutes(10));
        var ct = cancel.Token;
        Log($"starting a Sandbox of {options.World:N0} markets (seed {options.Seed}, no timer ticks, rate limits off: the drive writes far above Kalshi's Basic tier)");
        var buildStart = Stopwatch.GetTimestamp();
        var server = await SandboxServer.StartAsync(SandboxSetup.Options(options.World, options.Seed, serverRateLimits: false), ct: ct).ConfigureAwait(false);
        await using var serverScope = server.ConfigureAwait(false);
        Log($"world built and serving in {Stopwatch.GetElapsedTime(buildStart).TotalSeconds:F2} s at {server.BaseUrl}");

        using var signer = SandboxKeys.SignerFor(server);
        Log($"signing the WebSocket upgrades and /portfolio requests with the demo key {signer.KeyId} (RSA-PSS)");

        var probe = ChangeProbe.Attach(server.Exchange);
        var tickers = PickMarkets(server.Exchange, options.Markets);
        Log($"{options.Subscribers} subscribers, each to orderbook_delta for the same {tickers.Count} markets ({tickers[0]} … {tickers[^1]})");

        var subscribers = new List<BookSubscriber>();
        try
        {
            for (var i = 0; i < options.Subscribers; i++)
            {
                var subscriber = new BookSubscriber(i + 1, tickers, probe);
                subscribers.Add(subscriber);
                await subscriber.ConnectAsync(server.WebSocketUrl, signer, ct).ConfigureAwait(false);
            }

            await WaitUntilAsync(() => subscribers.All(s => s.Snapshots == tickers.Count || s.Errors.Count > 0), TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
            if (subscribers.FirstOrDefault(s => s.Snapshots != tickers.Count) is { } incomplete)
            {
                Log($"subscriber {incomplete.Index} got {incomplete.Snapshots} of {tickers.Count} snapshots; errors: {string.Join(" | ", incomplete.Errors)}");
                return 1;
            }

            Log("every subscriber has its snapshots");
            using var orders = options.Drive == BookStreamOptions.OrdersDrive ? new OrderDriver(server, signer, tickers, options.Workers) : null;
            if (options.WarmupSeconds > 0)
            {
                Log($"warm-up: {options.WarmupSeconds} s of driving, not counted");
                await DriveAsync(options, server, tickers, orders, TimeSpan.FromSeconds(options.WarmupSeconds)).ConfigureAwait(false);
                await WaitForQuietAsync(subscribers, ct).ConfigureAwait(false);
            }

            Log($"measured run: {DriveText(options)} for {options.Seconds} s");
            var gcBefore = GcSnapshot.Take();
            var start = Stopwatch.GetTimestamp();
            var phase = subscribers.Select(s => s.StartPhase(start, options.Seconds)).ToList();
            var drive = await DriveAsync(options, server, tickers, orders, TimeSpan.FromSeconds(options.Seconds)).ConfigureAwait(false);
            await WaitForQuietAsync(subscribers, ct).ConfigureAwait(false);
            var gc = GcSnapshot.Take() - gcBefore;
            var drained = Stopwatch.GetElapsedTime(start).TotalSeconds - drive.Seconds - Quiet.TotalSeconds;
            Log($"drive done in {drive.Seconds:F1} s; the subscribers were quiet {Math.Max(drained, 0):F2} s after it");

            var mismatches = await CompareWithRestAsync(server, subscribers, tickers, ct).ConfigureAwait(false);
            var report = Report(options, loadBefore, gc, probe, drive, subscribers, phase, mismatches);
            Console.WriteLine();
            Console.WriteLine(report.Text);
            var file = SaveReport(report.Text);
            Log($"report saved to {file}");
            return report.Passed ? 0 : 1;
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string DriveText(BookStreamOptions options) => options.Drive switch
    {
        BookStreamOptions.TickDrive => $"SandboxExchange.Tick() {options.TickRate.ToString(CultureInfo.InvariantCulture)}×/s (every market of the world requoted)",
        BookStreamOptions.OrdersDrive => $"{options.OrderRate} signed REST order requests/s (POST or DELETE of a 1-contract GTC bid, {options.Workers} in flight)",
        _ => $"{options.OrderRate} in-process orders/s (SandboxExchange.PlaceOrder or CancelOrder of a 1-contract GTC bid)",
    };

    private static Task<DriveResult> DriveAsync(BookStreamOptions options, SandboxServer server, List<string> tickers, OrderDriver? orders, TimeSpan duration) =>
        options.Drive switch
        {
            BookStreamOptions.TickDrive => TickDriver.RunAsync(server.Exchange, options.TickRate, duration),
            BookStreamOptions.OrdersDrive => orders!.RunAsync(options.OrderRate, options.Workers, duration),
            _ => ExchangeDriver.RunAsync(server.Exchange, tickers, options.OrderRate, duration),
        };

    /// <summary><paramref name="count"/> trading markets spread evenly over the ticker order (so over series and events).</summary>
    private static List<string> PickMarkets(SandboxExchange exchange, int count)
    {
        var trading = new List<string>();
        exchange.Inspect(() => trading.AddRange(exchange.World.Markets.Where(m => m.IsTrading).Select(m => m.Ticker)));
        if (trading.Count < count)
        {
            throw new InvalidOperationException($"the world has {trading.Count} trading markets, fewer than --markets {count}");
        }

        var step = (double)trading.Count / count;
        return [.. Enumerable.Range(0, count).Select(i => trading[(int)(i * step)])];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"BookStream: still waiting after {timeout.TotalSeconds} s");
            }

            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until no subscriber has received anything for <see cref="Quiet"/>: everything sent has arrived.</summary>
    private static Task WaitForQuietAsync(List<BookSubscriber> subscribers, CancellationToken ct) =>
        WaitUntilAsync(
            () => subscribers.All(s => s.Closed || Stopwatch.GetElapsedTime(s.LastReceipt) >= Quiet),
            TimeSpan.FromSeconds(120),
            ct);

    /// <summary>Each subscriber's books (snapshot + deltas) against <c>GET /markets/{ticker}/orderbook</c>; the number of books that differ.</summary>
    private static async Task<int[]> CompareWithRestAsync(SandboxServer server, List<BookSubscriber> subscribers, List<string> tickers, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var mismatches = new int[subscribers.Count];
        foreach (var ticker in tickers)
        {
            using var document = JsonDocument.Parse(await http.GetByteArrayAsync(new Uri($"markets/{Uri.EscapeDataString(ticker)}/orderbook", UriKind.Relative), ct).ConfigureAwait(false));
            var book = document.RootElement.GetProperty("orderbook_fp");
            var rest = new Dictionary<(bool Yes, string Price), decimal>();
            foreach (var (side, yes) in new[] { ("yes_dollars", true), ("no_dollars", false) })
            {
                foreach (var level in book.GetProperty(side).EnumerateArray())
                {
                    rest[(yes, level[0].GetString()!)] = decimal.Parse(level[1].GetString()!, CultureInfo.InvariantCulture);
                }
            }

            for (var i = 0; i < subscribers.Count; i++)
            {
                var mine = subscribers[i].Book(ticker);
                if (mine.Count != rest.Count || mine.Any(l => !rest.TryGetValue(l.Key, out var size) || size != l.Value))
                {
                    mismatches[i]++;
                }
            }
        }

        return mismatches;
    }

    private static (string Text, bool Passed) Report(
        BookStreamOptions options,
        string loadBefore,
        GcSnapshot gc,
        ChangeProbe probe,
        DriveResult drive,
        List<BookSubscriber> subscribers,
        List<SubscriberStats> phase,
        int[] mismatches)
    {
        var seconds = drive.Seconds;
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"## BookStream: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(IsOptimized() ? "Release" : "Debug (numbers not meaningful)")}; load average before {loadBefore}, after {LoadAverage()}");
        text.AppendLine(inv, $"- Sandbox: {options.World:N0} markets; {options.Subscribers} WebSocket subscribers in the same process, each to orderbook_delta for the same {options.Markets} markets; upgrades{(options.Drive == BookStreamOptions.OrdersDrive ? " and order requests" : string.Empty)} signed with the demo key; server rate limits off");
        text.AppendLine(inv, $"- drive: {DriveText(options)} for {seconds:F1} s: {drive.Changes:N0} {drive.What}s ({drive.ChangesPerSecond:F1}/s), each {Percentiles(drive.ChangeMillis)}{(drive.Late > 0 ? $", {drive.Late} late" : string.Empty)}{(drive.Failed > 0 ? $", {drive.Failed} failed" : string.Empty)}");
        text.AppendLine(inv, $"- garbage collections in the process (Sandbox and subscribers) during the run: {gc.Gen0} gen0, {gc.Gen1} gen1, {gc.Gen2} gen2, {gc.Pause.TotalMilliseconds:F0} ms paused in all");
        text.AppendLine(inv, $"- latency: from the exchange announcing the change ({(probe.RunsBeforeStreams ? "before" : "after")} the stream hub diffs and queues it) to the subscriber's receive returning");
        text.AppendLine();
        text.AppendLine("| subscriber | deltas | deltas/s | lowest 1 s | seq gaps | errors | books = REST | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var passed = true;
        var all = new List<long>();
        for (var i = 0; i < subscribers.Count; i++)
        {
            var subscriber = subscribers[i];
            var stats = phase[i];
            var rate = stats.Deltas / seconds;
            var lowest = stats.PerSecond.Take(options.Seconds).DefaultIfEmpty(0).Min();
            var errors = subscriber.Errors.Count;
            var bad = subscriber.SeqGaps + subscriber.SeqRepeats + subscriber.BadDeltas;
            all.AddRange(stats.Latencies);
            passed &= rate >= options.MinRate && bad == 0 && errors == 0 && mismatches[i] == 0 && stats.Unmatched == 0;
            text.AppendLine(inv, $"| {subscriber.Index} | {stats.Deltas:N0} | {rate:N0} | {lowest:N0} | {subscriber.SeqGaps}{(subscriber.SeqRepeats > 0 ? $" (+{subscriber.SeqRepeats} repeats)" : string.Empty)} | {errors} | {options.Markets - mismatches[i]}/{options.Markets} | {Ms(stats.Latencies, 0.50)} | {Ms(stats.Latencies, 0.99)} | {Ms(stats.Latencies, 1.0)} |");
        }

        var total = phase.Sum(p => p.Deltas);
        text.AppendLine(inv, $"| **all {subscribers.Count}** | {total:N0} | {total / seconds:N0} | | {subscribers.Sum(s => s.SeqGaps)} | {subscribers.Sum(s => s.Errors.Count)} | {mismatches.Count(m => m == 0)}/{subscribers.Count} subscribers | {Ms(all, 0.50)} | {Ms(all, 0.99)} | {Ms(all, 1.0)} |");
        text.AppendLine();
        var distinct = phase.Select(p => p.Deltas).Distinct().Count();
        text.AppendLine(inv, $"Book updates produced: {phase[0].Deltas / seconds:N0}/s in the subscribed markets, each delivered to all {subscribers.Count} subscribers{(distinct == 1 ? string.Empty : " (counts differ between subscribers!)")}; p99.9 {Ms(all, 0.999)} ms; {phase.Sum(p => p.Unmatched)} deltas without a matching change.");
        text.AppendLine(inv, $"Deltas received each second by subscriber 1: {string.Join(' ', phase[0].PerSecond.Take(options.Seconds))} (then {phase[0].PerSecond[^1]} while draining).");
        foreach (var error in subscribers.SelectMany(s => s.Errors.Select(e => $"subscriber {s.Index}: {e}")).Take(5))
        {
            text.AppendLine(inv, $"- {error}");
        }

        text.AppendLine(inv, $"Result: {(passed ? "PASS" : "FAIL")} (every subscriber ≥ {options.MinRate:N0} updates/s, no seq gap, no error, books equal REST)");
        return (text.ToString(), passed);
    }

    private static string Percentiles(IReadOnlyList<double> millis)
    {
        if (millis.Count == 0)
        {
            return "—";
        }

        var sorted = millis.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.99))]:F1} ms, max {sorted[^1]:F1} ms");
    }

    private static string Ms(List<long> ticks, double quantile)
    {
        if (ticks.Count == 0)
        {
            return "—";
        }

        ticks.Sort();
        var index = Math.Min(ticks.Count - 1, (int)Math.Ceiling(ticks.Count * quantile) - 1);
        var ms = ticks[Math.Max(index, 0)] * 1000.0 / Stopwatch.Frequency;
        return ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
    }

    /// <summary>The 1-minute load average (Linux), to tell a run on a busy machine from a quiet one.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static bool IsOptimized() =>
        typeof(BookStreamLoad).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

    private static string SaveReport(string text)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KalshiDesk.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"BookStream-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.md");
        File.WriteAllText(file, text);
        return file;
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTimeOffset.Now:HH:mm:ss}] {message}");
}

/// <summary>The process's garbage collections so far: subtract two to get a run's.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    public static GcSnapshot Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Pause - before.Pause);
}
