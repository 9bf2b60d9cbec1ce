using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Benchmarks.World;

/// <summary>The Sandbox's world build: <c>new SandboxExchange(options)</c> generates the markets and quotes every book.</summary>
[Config(typeof(Config))]
public class WorldBuildBenchmarks
{
    [Params(4_000, 40_000)]
    public int Markets { get; set; }

    [Benchmark(Description = "new SandboxExchange (world build)")]
    public SandboxExchange Build() => new(SandboxSetup.Options(Markets));

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(BenchmarkConfig.Slow(iterations: 5));
    }
}

/// <summary>
/// One <see cref="SandboxExchange.Tick"/>: every trading market's truth moves and its makers requote, all under the
/// exchange's one lock (no stream subscribers here, so this is the world alone).
/// </summary>
[Config(typeof(Config))]
public class WorldTickBenchmarks
{
    private SandboxExchange? _exchange;

    [Params(4_000, 40_000)]
    public int Markets { get; set; }

    [GlobalSetup]
    public void Setup() => _exchange = new SandboxExchange(SandboxSetup.Options(Markets));

    [Benchmark(Description = "SandboxExchange.Tick()")]
    public void Tick() => _exchange!.Tick();

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(BenchmarkConfig.Slow(iterations: 20));
    }
}
