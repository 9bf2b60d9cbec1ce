using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using KalshiDesk.Benchmarks.BookStream;
using KalshiDesk.Benchmarks.Cycles;
using KalshiDesk.Benchmarks.Dashboards;
using KalshiDesk.Benchmarks.Memory;
using KalshiDesk.Benchmarks.Paging;
using KalshiDesk.Benchmarks.Persistence;
using KalshiDesk.Benchmarks.Signing;
using KalshiDesk.Benchmarks.World;

namespace KalshiDesk.Benchmarks;

/// <summary>
/// The switcher: the first argument names what to run, the rest go to it (BenchmarkDotNet's own options for the
/// BenchmarkDotNet suites, <c>--key value</c> settings for the load scripts).
/// </summary>
internal static class BenchmarkEntry
{
    private static readonly (string Name, string What, Type[] Types)[] Suites =
    [
        ("MarketsPaging", "list all 40,000 Sandbox markets (raw HttpClient and the desk's IKalshiClient, limit 1000 and 100) and build the 40,000-market world", [typeof(MarketsPagingBenchmarks), typeof(MarketsPagingPacedBenchmarks), typeof(WorldBuildBenchmarks)]),
        ("WorldTick", "one SandboxExchange.Tick() of a 4,000- and a 40,000-market world (BookStream's tick drive)", [typeof(WorldTickBenchmarks)]),
        ("Forecast", "the blended, calibrated forecast of 40,000 markets on one thread (four models, log-odds pool, isotonic recalibration)", [typeof(Forecasting.ForecastBenchmarks)]),
        ("Signing", "one KALSHI-ACCESS-SIGNATURE: RSA-PSS sign (client) and verify (server)", [typeof(SigningBenchmarks)]),
        ("Replay", "a backtest's replay of 200,000 market updates on one thread through the live path (sit-out, four models, ensemble, recalibration relearned from what settled, edge, Kelly, risk gate, breaker, fills and settlement)", [typeof(Backtests.ReplayBenchmarks)]),
        ("Decision", "the decision core, TradeEvaluator.Evaluate (edge at the executable price, Kelly, risk gate) on 10,000 prepared snapshots, per market-side on one thread", [typeof(Decisions.DecisionBenchmarks)]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help" or "list")
        {
            Usage();
            return args.Length == 0 ? 2 : 0;
        }

        var name = args[0];
        var rest = args[1..];
        if (string.Equals(name, BookStreamLoad.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await BookStreamLoad.RunAsync(rest).ConfigureAwait(false);
        }

        if (string.Equals(name, DashboardLatencyLoad.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await DashboardLatencyLoad.RunAsync(rest).ConfigureAwait(false);
        }

        if (string.Equals(name, CycleLoad.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await CycleLoad.RunAsync(rest).ConfigureAwait(false);
        }

        if (string.Equals(name, PersistCycleLoad.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await PersistCycleLoad.RunAsync(rest).ConfigureAwait(false);
        }

        if (string.Equals(name, MemoryLoad.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await MemoryLoad.RunAsync(rest).ConfigureAwait(false);
        }

        var suite = Suites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (suite.Types is null)
        {
            Console.Error.WriteLine($"kalshidesk-benchmarks: no benchmark named '{name}'.");
            Usage();
            return 2;
        }

        var summaries = BenchmarkRunner.Run(suite.Types, BenchmarkConfig.Create(), rest);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void Usage()
    {
        Console.WriteLine("usage: dotnet run -c Release --project benchmarks/KalshiDesk.Benchmarks -- <name> [options]");
        Console.WriteLine();
        foreach (var (name, what, _) in Suites)
        {
            Console.WriteLine($"  {name,-14} {what}");
        }

        Console.WriteLine($"  {BookStreamLoad.Name,-14} sustained order-book updates to WebSocket subscribers (load script)");
        Console.WriteLine($"  {CycleLoad.Name,-14} the full trading cycle (TradingCycle.RunAsync) of 40,000 Sandbox markets over HTTP, unpaced and at Kalshi's Basic tier against its rate-limit floor (load script)");
        Console.WriteLine($"  {PersistCycleLoad.Name,-14} what a 40,000-market cycle writes (forecasts in bulk, cycle run, equity point) into a real PostgreSQL, durable (load script)");
        Console.WriteLine($"  {MemoryLoad.Name,-14} the desk's working set and GC heap with 40,000 live markets while cycles run (load script; starts the Release desk)");
        Console.WriteLine($"  {DashboardLatencyLoad.Name,-14} a fill's commit to its row in 20 browser dashboards, and the desk's memory (load script; starts the Release desk and Chromium)");
        Console.WriteLine();
        Console.WriteLine("The BenchmarkDotNet suites take BenchmarkDotNet's options, e.g. -- MarketsPaging --filter '*RawHttpClient*'.");
        Console.WriteLine();
        BookStreamOptions.Usage(Console.Out);
        Console.WriteLine();
        DashboardLatencyOptions.Usage(Console.Out);
        Console.WriteLine();
        CycleOptions.Usage(Console.Out);
        Console.WriteLine();
        PersistCycleLoad.Usage(Console.Out);
        Console.WriteLine();
        MemoryLoad.Usage(Console.Out);
    }
}
