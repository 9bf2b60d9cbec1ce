using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KalshiDesk.Domain.Decisions;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Benchmarks.Decisions;

/// <summary>
/// The decision core on one thread: <see cref="TradeEvaluator.Evaluate"/> (edge per side at the executable price →
/// fractional Kelly → risk gate) on 10,000 prepared snapshots with their calibrated estimates. Half the markets come with
/// a three-level book on each side (taker orders walk it) and a tape, so the maker route is priced too; the estimates
/// scatter around the mid so that most markets stop at "no edge" and a few reach the risk gate, as in a real scan.
/// Results are per market-side (two per market): market-sides per second = 1 / the mean.
/// </summary>
[Config(typeof(Config))]
public class DecisionBenchmarks
{
    private const int Markets = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private MarketSnapshot[] _markets = [];
    private Probability[] _estimates = [];
    private OrderBook?[] _books = [];
    private RestingFlow?[] _flows = [];
    private PortfolioState _portfolio = PortfolioState.Flat(new Money(10_000m));

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _markets = new MarketSnapshot[Markets];
        _estimates = new Probability[Markets];
        _books = new OrderBook?[Markets];
        _flows = new RestingFlow?[Markets];
        var held = new Dictionary<string, Money>(StringComparer.Ordinal);
        var events = new Dictionary<string, Money>(StringComparer.Ordinal);
        for (var i = 0; i < Markets; i++)
        {
            var eventTicker = $"KXBENCH-{i / 4:D5}";
            var bid = random.Next(3, 93) / 100m;
            var ask = bid + (random.Next(1, 6) / 100m);
            var fees = (i % 10) switch
            {
                0 => new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m),
                1 => new FeeSchedule(FeeType.Quadratic, 0.5m),
                _ => FeeSchedule.Standard,
            };
            var ticker = $"{eventTicker}-T{i % 4}";
            _markets[i] = new MarketSnapshot(
                ticker,
                eventTicker,
                "KXBENCH",
                "Benchmark market?",
                "economics",
                MarketStatus.Active,
                Price.FromDollars(bid),
                Price.FromDollars(ask),
                Price.FromDollars(bid),
                Quantity.Of(random.Next(100, 5000)),
                Now.AddHours(random.Next(2, 720)),
                fees,
                i % 7 == 0,
                Now);

            // The estimate scatters around the mid by up to ±8 points: most markets have no edge after the fee.
            var mid = (double)(bid + ask) / 2;
            _estimates[i] = Probability.Of(Math.Clamp(mid + ((random.NextDouble() - 0.5) * 0.16), 0.01, 0.99));
            if (i % 2 == 0)
            {
                _books[i] = new OrderBook(
                    [new BookLevel(Price.FromDollars(bid), Quantity.Of(random.Next(5, 300))), new BookLevel(Price.FromDollars(bid - 0.01m), Quantity.Of(200)), new BookLevel(Price.FromDollars(bid - 0.02m), Quantity.Of(500))],
                    [new BookLevel(Price.FromDollars(1m - ask), Quantity.Of(random.Next(5, 300))), new BookLevel(Price.FromDollars(0.99m - ask), Quantity.Of(200)), new BookLevel(Price.FromDollars(0.98m - ask), Quantity.Of(500))]);
                _flows[i] = new RestingFlow(Quantity.Of(random.Next(0, 800)), Quantity.Of(random.Next(0, 800)), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));
            }

            if (i % 500 == 0)
            {
                held[ticker] = new Money(40m);
                events[eventTicker] = new Money(40m);
            }
        }

        _portfolio = new PortfolioState(new Money(10_000m), new Money(9_200m), held, events);
    }

    [Benchmark(Description = "TradeEvaluator.Evaluate, per market-side", OperationsPerInvoke = Markets * 2)]
    public int EvaluateAll()
    {
        var trades = 0;
        var preset = RiskPresets.Balanced;
        for (var i = 0; i < _markets.Length; i++)
        {
            var decision = TradeEvaluator.Evaluate(_markets[i], _estimates[i], 0.2, preset, _portfolio, Now, _books[i], flow: _flows[i]);
            if (decision.IsTrade)
            {
                trades++;
            }
        }

        return trades;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
    }
}
