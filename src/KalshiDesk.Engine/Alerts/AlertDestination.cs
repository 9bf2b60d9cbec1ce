using System.Threading.Channels;
using System.Threading.RateLimiting;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// One place alerts go (Discord or the generic webhook): its URL, its queue and its pace. The URL stays inside: what
/// the outside sees is <see cref="Host"/>.
/// </summary>
internal sealed class AlertDestination : IDisposable
{
    /// <summary>Alerts that may wait for one destination; past it the oldest is dropped (and logged), never the publisher blocked.</summary>
    public const int QueueCapacity = 1000;

    /// <summary>The span <c>Notifications:MaxPerMinute</c> counts over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private int _waiting;

    public AlertDestination(string name, string setting, Uri url, bool discord, int maxPerMinute, TimeProvider time, Action<AlertDestination, Alert> dropped)
    {
        Name = name;
        Setting = setting;
        Url = url;
        IsDiscord = discord;
        _time = time;

        // Each send holds a permit for a minute after its answer, so no minute, however it is cut, holds more than
        // MaxPerMinute sends. (A fixed window or a token bucket refilled per minute lets twice that through across a
        // boundary; Discord answers that with 429s.)
        Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxPerMinute,
            QueueLimit = QueueCapacity + 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Queue = Channel.CreateBounded<Alert>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            alert =>
            {
                Interlocked.Decrement(ref _waiting);
                dropped(this, alert);
            });
    }

    /// <summary>Discord or Webhook.</summary>
    public string Name { get; }

    /// <summary>The configuration key that sets the URL.</summary>
    public string Setting { get; }

    /// <summary>The full URL with its token: sent to, never shown or logged.</summary>
    public Uri Url { get; }

    public bool IsDiscord { get; }

    /// <summary>What the dashboard and the log show: discord.com/….</summary>
    public string Host => AlertSecrets.Host(Url);

    public Channel<Alert> Queue { get; }

    public RateLimiter Limiter { get; }

    /// <summary>Alerts queued or being sent and not yet answered.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Queues <paramref name="alert"/>; false only once the desk is shutting down.</summary>
    public bool Enqueue(Alert alert)
    {
        Interlocked.Increment(ref _waiting);
        if (Queue.Writer.TryWrite(alert))
        {
            return true;
        }

        Interlocked.Decrement(ref _waiting);
        return false;
    }

    /// <summary>One queued alert was answered (or given up on).</summary>
    public void Done() => Interlocked.Decrement(ref _waiting);

    /// <summary>Keeps a send's permit for <see cref="Window"/> after its answer, then gives it back.</summary>
    public void Hold(RateLimitLease lease) => _ = ReleaseLaterAsync(lease);

    public AlertDestinationView View() => new(Name, Host, Setting, Waiting);

    public void Dispose() => Limiter.Dispose();

    private async Task ReleaseLaterAsync(RateLimitLease lease)
    {
        try
        {
            await Task.Delay(Window, _time).ConfigureAwait(false);
        }
        finally
        {
            lease.Dispose();
        }
    }
}
