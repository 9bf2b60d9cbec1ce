using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>
/// Notes the instant the exchange announces each change (<c>SandboxExchange.Changed</c>, raised under its lock once the
/// world has moved), keyed by the change's time: the <c>ts</c> every <c>orderbook_delta</c> of that change carries, to
/// the microsecond. A delta's delivery latency is its receipt minus this instant.
/// </summary>
internal sealed class ChangeProbe
{
    private readonly ConcurrentDictionary<long, long> _announced = new();

    private ChangeProbe()
    {
    }

    /// <summary>
    /// True when the probe runs before the stream hub's handler, so the latency includes the hub's work (book diffs,
    /// message building, queueing); false when it could only be added after it (the latency then starts once frames are queued).
    /// </summary>
    public bool RunsBeforeStreams { get; private set; }

    public int Changes => _announced.Count;

    /// <summary>Hooks the probe onto <paramref name="exchange"/>, ahead of the handlers already there when it can.</summary>
    public static ChangeProbe Attach(SandboxExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var probe = new ChangeProbe();
        Action<DateTimeOffset> handler = probe.OnChanged;

        // Event handlers run in the order they were added and the stream hub subscribed when the server started; the
        // probe goes first by rewriting the event's delegate (the field behind the field-like event), under the lock.
        var field = typeof(SandboxExchange).GetField(nameof(SandboxExchange.Changed), BindingFlags.Instance | BindingFlags.NonPublic);
        exchange.Inspect(() =>
        {
            if (field?.FieldType == typeof(Action<DateTimeOffset>))
            {
                var existing = (Action<DateTimeOffset>?)field.GetValue(exchange);
                field.SetValue(exchange, (Action<DateTimeOffset>)Delegate.Combine(handler, existing));
                probe.RunsBeforeStreams = true;
            }
            else
            {
                exchange.Changed += handler;
            }
        });
        return probe;
    }

    /// <summary>The announcement instant (a <see cref="Stopwatch"/> timestamp) of the change stamped <paramref name="micros"/>.</summary>
    public bool TryGetAnnounced(long micros, out long timestamp) => _announced.TryGetValue(micros, out timestamp);

    /// <summary>A change's key: its time in whole microseconds, as the wire's <c>ts</c> carries it.</summary>
    public static long Key(DateTimeOffset time) => time.UtcTicks / 10;

    private void OnChanged(DateTimeOffset now) => _announced.TryAdd(Key(now), Stopwatch.GetTimestamp());
}
