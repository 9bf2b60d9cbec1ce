using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KalshiDesk.Benchmarks;

/// <summary>
/// Every suite here runs whole operations that take 100 ms to tens of seconds against a server in the same process, so:
/// in process (no generated project to build under this repo's props), the Monitoring strategy (one invocation an
/// iteration, no pilot), and results under artifacts/benchmarks.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .WithArtifactsPath(Path.Combine(RepoRoot(), "artifacts", "benchmarks"))
            .AddDiagnoser(MemoryDiagnoser.Default);

    /// <summary>A job for operations of 0.1–30 s each: one warm-up, then <paramref name="iterations"/> measured runs.</summary>
    public static Job Slow(int iterations) =>
        Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KalshiDesk.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
