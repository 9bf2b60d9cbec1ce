using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Benchmarks.Forecasting;

/// <summary>
/// Markets in events of four (strike ladders and one-winner events, half each) with the four built-in models pooled in
/// log-odds and an isotonic recalibrator fitted on 5,000 outcomes: what Forecast forecasts and PersistCycle stores.
/// </summary>
internal static class BenchmarkMarkets
{
    public static (MarketSnapshot[] Markets, ForecastContext Context, EnsembleForecaster Ensemble) Create(int count, DateTimeOffset now)
    {
        var random = new Random(42);
        var markets = new MarketSnapshot[count];
        var exclusive = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var eventTicker = $"KXBENCH-{i / 4:D5}";
            var ladder = i / 4 % 2 == 0;
            if (!ladder)
            {
                exclusive.Add(eventTicker);
            }

            var mid = ladder ? 0.85m - (i % 4 * 0.2m) : 0.05m + (random.Next(0, 20) / 100m);
            var spread = random.Next(1, 5) / 100m;
            markets[i] = new MarketSnapshot(
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
                now.AddHours(random.Next(6, 720)),
                FeeSchedule.Standard,
                false,
                now)
            {
                StrikeType = ladder ? "greater" : "custom",
                FloorStrike = ladder ? 40 + (i % 4 * 2) : null,
            };
        }

        var context = new ForecastContext(markets, exclusive);
        var calibration = new InMemoryCalibrationProvider();
        var history = Enumerable.Range(0, 5_000).Select(k =>
        {
            var p = (k % 98 + 1) / 100.0;
            return ForecastOutcome.Of(p, random.NextDouble() < FavouriteLongshotPrior.ProbabilityAt(Price.FromDollars((decimal)p)).Value);
        }).ToList();
        calibration.Set(IsotonicRecalibrator.Fit(history));
        var ensemble = new EnsembleForecaster(
            [new MarketImpliedForecaster(), new FavouriteLongshotForecaster(), new OrderFlowForecaster(), new EventConsistencyForecaster()],
            new InMemoryEnsembleWeightsProvider(),
            calibration,
            NullLogger<EnsembleForecaster>.Instance);
        return (markets, context, ensemble);
    }
}
