namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>
/// Exponential backoff with "equal jitter": the delay before attempt n is half of min(cap, initial·2ⁿ) plus a random
/// share of the other half, so a fleet of desks that lost Kalshi at the same moment does not reconnect in lockstep.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly Random _random;

    /// <param name="initial">Delay before the first retry, before jitter (default 500 ms).</param>
    /// <param name="cap">Longest delay (default 30 s).</param>
    /// <param name="random">Jitter source; <see cref="Random.Shared"/> unless a test pins it.</param>
    public ReconnectBackoff(TimeSpan initial, TimeSpan cap, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, initial);
        Initial = initial;
        Cap = cap;
        _random = random ?? Random.Shared;
    }

    /// <summary>500 ms doubling up to 30 s.</summary>
    public static ReconnectBackoff Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    public TimeSpan Initial { get; }

    public TimeSpan Cap { get; }

    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var ceiling = Math.Min(Cap.Ticks, Initial.Ticks * Math.Pow(2, Math.Min(attempt, 30)));
        var half = ceiling / 2d;
        return TimeSpan.FromTicks((long)(half + (half * _random.NextDouble())));
    }
}
