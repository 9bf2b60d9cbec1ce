using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace KalshiDesk.Benchmarks.Dashboards;

/// <summary>
/// The desk's own runtime counters (the <c>System.Runtime</c> EventCounters that dotnet-counters shows: GC heap size,
/// committed memory, collections), read once a second over the runtime's diagnostics port, with no tool installed.
/// </summary>
internal sealed class RuntimeCounters : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Thread _reader;
    private readonly Dictionary<string, double> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
    private Dictionary<string, double> _sumAtMark = new(StringComparer.Ordinal);
    private Dictionary<string, double> _peakSinceMark = new(StringComparer.Ordinal);

    private RuntimeCounters(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += OnEvent;
        _reader = new Thread(() =>
        {
            try
            {
                _source.Process();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The desk exited or the session stopped.
            }
        })
        { IsBackground = true, Name = "runtime counters" };
        _reader.Start();
    }

    /// <summary>Starts reading the counters of process <paramref name="pid"/>; null (and why) when its diagnostics port cannot be reached.</summary>
    public static RuntimeCounters? TryStart(int pid, out string? why)
    {
        try
        {
            var providers = new[]
            {
                new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
            };
            var session = new DiagnosticsClient(pid).StartEventPipeSession(providers, requestRundown: false);
            why = null;
            return new RuntimeCounters(session);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            why = ex.Message;
            return null;
        }
    }

    /// <summary>The last value seen (a mean over its second; for a count, that second's increment).</summary>
    public double? Latest(string name)
    {
        lock (_latest)
        {
            return _latest.TryGetValue(name, out var v) ? v : null;
        }
    }

    /// <summary>The highest value seen since <see cref="Mark"/>.</summary>
    public double? PeakSinceMark(string name)
    {
        lock (_latest)
        {
            return _peakSinceMark.TryGetValue(name, out var v) ? v : null;
        }
    }

    /// <summary>The sum of a count's increments since <see cref="Mark"/> (collections, bytes allocated).</summary>
    public double? SumSinceMark(string name)
    {
        lock (_latest)
        {
            return _sum.TryGetValue(name, out var v) ? v - _sumAtMark.GetValueOrDefault(name) : null;
        }
    }

    /// <summary>Starts the window that <see cref="PeakSinceMark"/> and <see cref="SumSinceMark"/> cover.</summary>
    public void Mark()
    {
        lock (_latest)
        {
            _sumAtMark = new Dictionary<string, double>(_sum, StringComparer.Ordinal);
            _peakSinceMark = new Dictionary<string, double>(_latest, StringComparer.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException or EndOfStreamException)
        {
            // The desk has exited already.
        }

        _reader.Join(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }

    private void OnEvent(TraceEvent e)
    {
        if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer || outer["Payload"] is not IDictionary<string, object> payload)
        {
            return;
        }

        var name = payload["Name"] as string ?? string.Empty;
        var isCount = payload.TryGetValue("CounterType", out var type) && type as string == "Sum";
        var value = Convert.ToDouble(isCount ? payload["Increment"] : payload["Mean"], System.Globalization.CultureInfo.InvariantCulture);
        lock (_latest)
        {
            _latest[name] = value;
            _peakSinceMark[name] = Math.Max(_peakSinceMark.GetValueOrDefault(name, double.MinValue), value);
            if (isCount)
            {
                _sum[name] = _sum.GetValueOrDefault(name) + value;
            }
        }
    }
}
