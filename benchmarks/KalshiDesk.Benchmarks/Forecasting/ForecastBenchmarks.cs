using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using Microsoft.Extensions.Logging.Abstractions;

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
        var random = new Random(42);
        _markets = new MarketSnapshot[Markets];
        var exclusive = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Markets; i++)
        {
            var eventTicker = $"KXBENCH-{i / 4:D5}";
            var ladder = i / 4 % 2 == 0;
            if (!ladder)
            {
                exclusive.Add(eventTicker);
            }

            var mid = ladder ? 0.85m - (i % 4 * 0.2m) : 0.05m + (random.Next(0, 20) / 100m);
            var spread = random.Next(1, 5) / 100m;
            _markets[i] = new MarketSnapshot(
                $"{eventTicker}-T{i % 4}",
                eventTicker,
                "KXBENCH",
                "Benchmark market?",
                i % 3 == 0 ? "weather" : "economics",
                MarketStatus.Active,
                Price.FromDollars(mid),
                Price.FromDollars(mid + spread),
                Price.FromDollars(mid + (random.Next(-2, 3) / 100m)),
                Quantity.Of(random.Next(100, 5000)),
                Now.AddHours(random.Next(6, 720)),
                FeeSchedule.Standard,
                false,
                Now)
            {
                StrikeType = ladder ? "greater" : "custom",
                FloorStrike = ladder ? 40 + (i % 4 * 2) : null,
            };
        }

        _context = new ForecastContext(_markets, exclusive);
        var calibration = new InMemoryCalibrationProvider();
        var history = Enumerable.Range(0, 5_000).Select(k =>
        {
            var p = (k % 98 + 1) / 100.0;
            return ForecastOutcome.Of(p, random.NextDouble() < FavouriteLongshotPrior.ProbabilityAt(Price.FromDollars((decimal)p)).Value);
        }).ToList();
        calibration.Set(IsotonicRecalibrator.Fit(history));
        _ensemble = new EnsembleForecaster(
            [new MarketImpliedForecaster(), new FavouriteLongshotForecaster(), new OrderFlowForecaster(), new EventConsistencyForecaster()],
            new InMemoryEnsembleWeightsProvider(),
            calibration,
            NullLogger<EnsembleForecaster>.Instance);
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
