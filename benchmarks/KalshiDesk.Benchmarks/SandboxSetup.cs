using KalshiDesk.Sandbox;
using KalshiDesk.Sandbox.RateLimiting;

namespace KalshiDesk.Benchmarks;

/// <summary>The Sandbox as every benchmark here starts it: a world that moves only when told (no timer ticks).</summary>
internal static class SandboxSetup
{
    /// <param name="serverRateLimits">
    /// Keep the Sandbox's own token buckets (Kalshi's Basic tier per key: 20 reads and 10 orders a second). Off, the
    /// server answers as fast as it can, which is what a throughput benchmark measures.
    /// </param>
    public static SandboxOptions Options(int markets, int seed = 42, bool serverRateLimits = false) => new()
    {
        Markets = markets,
        TickInterval = TimeSpan.Zero,
        Seed = seed,
        RateLimits = new SandboxRateLimits { Enabled = serverRateLimits },
    };
}
