using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace KalshiDesk.Sandbox.RateLimiting;

/// <summary>
/// One read and one write <see cref="TokenBucketRateLimiter"/> per caller (an API key id, or a remote address), made at its first
/// request, full. Buckets refill continuously: each is topped up for the time elapsed just before it is drawn on, so a client
/// that paces itself to the same rate and capacity is never refused.
/// </summary>
internal sealed class SandboxRateLimiter(SandboxRateLimits limits) : IDisposable
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _refused;

    public SandboxRateLimits Limits => limits;

    /// <summary>Requests answered 429 so far.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Takes <paramref name="cost"/> tokens from <paramref name="caller"/>'s read or write bucket; false (429) if it holds too few.</summary>
    public bool TryAcquire(string caller, bool write, int cost)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!limits.Enabled)
        {
            return true;
        }

        var key = (write ? "write " : "read ") + caller;
        var bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Refill, state.Capacity), write
            ? (Refill: limits.WriteRefillPerSecond, Capacity: limits.WriteCapacity)
            : (Refill: limits.ReadRefillPerSecond, Capacity: limits.ReadCapacity));
        if (bucket.TryAcquire(cost))
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        return false;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }

        _buckets.Clear();
    }

    private sealed class Bucket(int refillPerSecond, int capacity) : IDisposable
    {
        private readonly Lock _lock = new();
        private TokenBucketRateLimiter _limiter = Create(refillPerSecond, capacity);

        public bool TryAcquire(int cost)
        {
            lock (_lock)
            {
                _limiter.TryReplenish();

                // A full bucket skips its top-up without noting the time, so the next top-up would count the whole idle
                // spell again and refill a burst at once; a fresh full bucket (the same state) starts the clock now.
                if (_limiter.GetStatistics()!.CurrentAvailablePermits >= capacity)
                {
                    _limiter.Dispose();
                    _limiter = Create(refillPerSecond, capacity);
                }

                using var lease = _limiter.AttemptAcquire(Math.Min(cost, capacity));
                return lease.IsAcquired;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _limiter.Dispose();
            }
        }

        // Not auto-replenished: TryReplenish adds refill × the time since the last top-up, to the fraction of a token.
        private static TokenBucketRateLimiter Create(int refillPerSecond, int capacity) => new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = capacity,
            TokensPerPeriod = refillPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = false,
            QueueLimit = 0,
        });
    }
}
