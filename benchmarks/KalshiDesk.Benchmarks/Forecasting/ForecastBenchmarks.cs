using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting;

namespace KalshiDesk.Benchmarks.Forecasting;

/// <summary>
/// The blended, calibrated forecast of 40,000 markets on one thread: the four built-in models (market-implied,
/// favourite–longshot, order flow, event consistency) pooled in log-odds and passed through an isotonic recalibrator.
/// Markets come in events of four: strike ladders and one-winner events, half each.
/// </summary>
[Config(typeof(Config))]
public class ForecastBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private MarketSnapshot[] _markets = [];
    private ForecastContext? _context;
    private EnsembleForecaster? _ensemble;

    [Params(40_000)]
    public int Markets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_markets, _context, _ensemble) = BenchmarkMarkets.Create(Markets, Now);
    }

    [Benchmark(Description = "ensemble forecast, every market")]
    public double ForecastAll()
    {
        var sum = 0.0;
        foreach (var market in _markets)
        {
            sum += _ensemble!.Forecast(market, _context!, Now)?.Calibrated.Value ?? 0d;
        }

        return sum;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(BenchmarkConfig.Slow(iterations: 10));
    }
}
