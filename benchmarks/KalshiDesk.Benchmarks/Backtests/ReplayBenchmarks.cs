using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Benchmarks.Backtests;

/// <summary>
/// A backtest's replay on one thread: 200,000 market updates (2,000 markets in events of four, each quoted 100
/// times over its life with a drifting 1–4¢ quote; the markets close over 100 days and settle by a hidden truth) through
/// the whole live decision path: sit-out checks, the four live models, the ensemble and the recalibration relearned
/// daily from what has settled, edge, Kelly, the risk gate and the breaker, fills with fees and settlement. Updates per
/// second = 200,000 / the mean.
/// </summary>
[Config(typeof(Config))]
public class ReplayBenchmarks
{
    public const int Markets = 2_000;
    public const int Observations = 100;

    private BacktestData _data = new("empty", []);

    [GlobalSetup]
    public void Setup() => _data = Recording(Markets, Observations, seed: 42);

    [Benchmark(Description = "replay 200,000 updates")]
    public async Task<int> Replay()
    {
        var result = await Backtester.RunAsync(_data, new BacktestOptions { BootstrapSamples = 200 }).ConfigureAwait(false);
        return result.Trades.Count;
    }

    /// <summary>The recording: seeded, so every run replays the same updates.</summary>
    public static BacktestData Recording(int markets, int observations, int seed)
    {
        var random = new Random(seed);
        var epoch = new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);
        var categories = new[] { "Sports", "Economics", "Weather", "Politics" };
        var list = new List<BacktestMarket>(markets);
        for (var i = 0; i < markets; i++)
        {
            var truth = 0.03 + (0.94 * random.NextDouble());
            var close = epoch.AddMinutes(2 * 24 * 60 + (i * 100 * 24 * 60 / markets));
            var open = close.AddDays(-2);
            var step = (close - open) / observations;
            var centre = 0.5 + ((truth - 0.5) * 0.7);
            var path = new List<BacktestObservation>(observations);
            for (var o = 0; o < observations; o++)
            {
                centre = Math.Clamp(centre + ((random.NextDouble() - 0.5) * 0.02), 0.03, 0.95);
                var bid = Math.Round((decimal)centre, 2);
                var ask = bid + (random.Next(1, 5) / 100m);
                path.Add(new BacktestObservation(open + (step * o), Price.FromDollars(bid), Price.FromDollars(ask), Price.FromDollars(bid), Quantity.Of(10m * o)));
            }

            var ticker = $"KXBENCH-{i / 4:D5}-T{i % 4}";
            list.Add(new BacktestMarket(ticker, BacktestMarket.EventOf(ticker), "KXBENCH", ticker, categories[i % 4], close, close, random.NextDouble() < truth, FeeSchedule.Standard, path, []));
        }

        return new BacktestData($"seeded {markets} markets × {observations}", list);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            Add(BenchmarkConfig.Create());
            AddJob(BenchmarkConfig.Slow(5));
        }
    }
}
