using System.Threading.RateLimiting;

namespace KalshiDesk.Kalshi.RateLimiting;

/// <summary>
/// The process's one pair of token buckets, shared by every caller, so the desk as a whole stays inside
/// Kalshi's budget. Resized when the account's real limits are read.
/// </summary>
public sealed class KalshiRateLimiter : IAsyncDisposable
{
    // Buckets refill ten times a second so a burst waits at most ~100 ms for its tokens.
    private static readonly TimeSpan Replenishment = TimeSpan.FromMilliseconds(100);
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
        var capacity = write ? buckets.Limits.WriteCapacity : buckets.Limits.ReadCapacity;
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
            Read = Bucket(limits.ReadRefillPerSecond, limits.ReadCapacity);
            Write = Bucket(limits.WriteRefillPerSecond, limits.WriteCapacity);
        }

        public KalshiRateLimits Limits { get; }

        public TokenBucketRateLimiter Read { get; }

        public TokenBucketRateLimiter Write { get; }

        public async ValueTask DisposeAsync()
        {
            await Read.DisposeAsync().ConfigureAwait(false);
            await Write.DisposeAsync().ConfigureAwait(false);
        }

        private static TokenBucketRateLimiter Bucket(int perSecond, int capacity) => new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(capacity, 1),
            TokensPerPeriod = Math.Max(perSecond / 10, 1),
            ReplenishmentPeriod = Replenishment,
            AutoReplenishment = true,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = 1_000_000,
        });
    }
}
