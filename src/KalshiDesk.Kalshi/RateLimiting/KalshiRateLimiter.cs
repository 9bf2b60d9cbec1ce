using System.Threading.RateLimiting;

namespace KalshiDesk.Kalshi.RateLimiting;

/// <summary>
/// The process's one pair of token buckets, shared by every caller, so the desk as a whole stays inside
/// Kalshi's budget. Resized when the account's real limits are read.
/// </summary>
/// <remarks>
/// The buckets refill in small steps (about every 20 ms) and hold two steps less than the exchange's: a step arrives
/// whole at its tick while the exchange's bucket fills smoothly, so a full-size bucket would run up to a step ahead of the
/// exchange's right after each tick and, at full pace, meet the odd 429. Two steps' headroom also covers 20 ms of
/// network jitter.
/// </remarks>
public sealed class KalshiRateLimiter : IAsyncDisposable
{
    // Steps of about 1/50 s (at least one token): a burst waits at most ~20 ms for its tokens.
    private const int StepsPerSecond = 50;
    private Buckets _buckets;

    public KalshiRateLimiter()
        : this(KalshiRateLimits.Basic)
    {
    }

    public KalshiRateLimiter(KalshiRateLimits limits) => _buckets = new Buckets(limits);

    public KalshiRateLimits Limits => _buckets.Limits;

    /// <summary>Waits for the tokens <paramref name="method"/> <paramref name="path"/> costs, in the bucket it draws on.</summary>
    public async ValueTask AcquireAsync(HttpMethod method, string path, CancellationToken ct)
    {
        var buckets = _buckets;
        var write = KalshiRateLimits.IsWrite(method, path);
        var bucket = write ? buckets.Write : buckets.Read;
        var capacity = write ? buckets.WriteLimit : buckets.ReadLimit;
        var cost = Math.Min(buckets.Limits.CostOf(method, path), capacity);
        using var lease = await bucket.AcquireAsync(cost, ct).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The {(write ? "write" : "read")} rate-limit queue is full; {method} {path} was not sent.");
        }
    }

    /// <summary>Resizes the buckets to the account's tier (from <c>GET /account/limits</c> and <c>/account/endpoint_costs</c>).</summary>
    public void Update(KalshiRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var old = Interlocked.Exchange(ref _buckets, new Buckets(limits));
        _ = old.DisposeAsync().AsTask();
    }

    public ValueTask DisposeAsync() => _buckets.DisposeAsync();

    private sealed class Buckets : IAsyncDisposable
    {
        public Buckets(KalshiRateLimits limits)
        {
            Limits = limits;
            (Read, ReadLimit) = Bucket(limits.ReadRefillPerSecond, limits.ReadCapacity, limits.DefaultCost);
            (Write, WriteLimit) = Bucket(limits.WriteRefillPerSecond, limits.WriteCapacity, limits.DefaultCost);
        }

        public KalshiRateLimits Limits { get; }

        /// <summary>The tokens the read bucket holds: the exchange's capacity less two steps.</summary>
        public int ReadLimit { get; }

        public int WriteLimit { get; }

        public TokenBucketRateLimiter Read { get; }

        public TokenBucketRateLimiter Write { get; }

        public async ValueTask DisposeAsync()
        {
            await Read.DisposeAsync().ConfigureAwait(false);
            await Write.DisposeAsync().ConfigureAwait(false);
        }

        private static (TokenBucketRateLimiter Bucket, int Limit) Bucket(int perSecond, int capacity, int cost)
        {
            perSecond = Math.Max(perSecond, 1);
            capacity = Math.Max(capacity, 1);

            // A step of `step` tokens every step/perSecond seconds: exactly the exchange's rate.
            var step = Math.Max(perSecond / StepsPerSecond, 1);
            var limit = Math.Max(capacity - (2 * step), Math.Min(capacity, cost));
            var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit,
                TokensPerPeriod = step,
                ReplenishmentPeriod = TimeSpan.FromTicks(step * TimeSpan.TicksPerSecond / perSecond),
                AutoReplenishment = true,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                QueueLimit = 1_000_000,
            });
            return (bucket, limit);
        }
    }
}
