using System.Globalization;
using KalshiDesk.Engine.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Runs a replay: the backtester's own signature, so a test can hold one at a gate.</summary>
public delegate Task<BacktestResult> BacktestRunner(BacktestData data, BacktestOptions options, IProgress<BacktestProgress> progress, CancellationToken ct);

/// <summary>
/// The desk's backtests: each replays on the thread pool, at most <see cref="BacktestsOptions.MaxConcurrentRuns"/> at once
/// and one per person, cancellable; the latest <see cref="BacktestsOptions.KeptRuns"/> are kept in memory with their
/// progress and results. Every start, progress (a few times a second at most) and end is published as a desk event, so
/// every open dashboard follows without polling.
/// </summary>
public sealed partial class BacktestRuns : IDisposable
{
    /// <summary>Progress is published at most this often per run: four times a second is live to a reader and light on the hub.</summary>
    public static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<Entry> _runs = [];
    private readonly IDeskEvents _events;
    private readonly TimeProvider _time;
    private readonly BacktestsOptions _options;
    private readonly ILogger<BacktestRuns> _logger;
    private readonly BacktestRunner _runner;

    public BacktestRuns(IDeskEvents events, TimeProvider time, IOptions<BacktestsOptions> options, ILogger<BacktestRuns> logger)
        : this(events, time, options, logger, Backtester.RunAsync)
    {
    }

    /// <summary>With <paramref name="runner"/> in place of <see cref="Backtester.RunAsync"/>.</summary>
    public BacktestRuns(IDeskEvents events, TimeProvider time, IOptions<BacktestsOptions> options, ILogger<BacktestRuns> logger, BacktestRunner runner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _events = events;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _runner = runner;
    }

    /// <summary>The runs kept, the latest first.</summary>
    public IReadOnlyList<BacktestRun> List()
    {
        lock (_gate)
        {
            return [.. _runs.Select(e => e.Run)];
        }
    }

    /// <summary>The run <paramref name="id"/>, or null when it is not (or no longer) kept.</summary>
    public BacktestRun? Find(Guid id)
    {
        lock (_gate)
        {
            return _runs.Find(e => e.Run.Id == id)?.Run;
        }
    }

    /// <summary>Starts replaying <paramref name="data"/> as <paramref name="request"/> asks, for <paramref name="startedBy"/>.</summary>
    public BacktestStart Start(BacktestData data, BacktestRequest request, string startedBy)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem() is { } problem)
        {
            return new BacktestStart(null, problem.Message);
        }

        Entry entry;
        lock (_gate)
        {
            var running = _runs.Where(e => e.Run.IsRunning).ToList();
            if (running.Find(e => string.Equals(e.Run.StartedBy, startedBy, StringComparison.OrdinalIgnoreCase)) is { } own)
            {
                return new BacktestStart(null, $"{startedBy} has a backtest running already ({own.Run.Recording}, {Percent(own.Run.Fraction)} done): wait for it to finish or cancel it.");
            }

            if (running.Count >= _options.MaxConcurrentRuns)
            {
                return new BacktestStart(null, string.Create(CultureInfo.InvariantCulture, $"{running.Count} backtests are running, the most the desk runs at once: wait for one to finish or cancel it."));
            }

            var run = new BacktestRun(
                Guid.NewGuid(), request.Recording, request.Preset.Name, request.From, request.To, request.StartingCash, startedBy, _time.GetUtcNow(), data.Updates,
                BacktestRun.Running, null, null, null, null);
            entry = new Entry(run);
            _runs.Insert(0, entry);
            Trim();
        }

        LogStarted(_logger, entry.Run.Id, entry.Run.Recording, entry.Run.Preset, startedBy);
        _ = PublishAsync(new BacktestProgressed(_time.GetUtcNow(), entry.Run.Id, 0, data.Updates, 0));
        _ = Task.Run(() => ReplayAsync(entry, data, request.Options()));
        return new BacktestStart(entry.Run, null);
    }

    /// <summary>Cancels the run <paramref name="id"/> if it is running; the run as it stands, or null when unknown.</summary>
    public BacktestRun? Cancel(Guid id)
    {
        lock (_gate)
        {
            var entry = _runs.Find(e => e.Run.Id == id);
            if (entry?.Run.IsRunning == true)
            {
                entry.Cancellation.Cancel();
            }

            return entry?.Run;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _runs)
            {
                entry.Cancellation.Cancel();
                entry.Cancellation.Dispose();
            }

            _runs.Clear();
        }
    }

    private async Task ReplayAsync(Entry entry, BacktestData data, BacktestOptions options)
    {
        var id = entry.Run.Id;
        string status;
        try
        {
            var result = await _runner(data, options, new Reporter(this, entry), entry.Cancellation.Token).ConfigureAwait(false);
            status = BacktestRun.Completed;
            Update(entry, run => run with { Status = status, Result = result, FinishedAt = _time.GetUtcNow() });
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            status = BacktestRun.Cancelled;
            Update(entry, run => run with { Status = status, FinishedAt = _time.GetUtcNow() });
        }
        catch (Exception ex)
        {
            // A replay that throws fails alone, with its reason shown; the desk and the other runs go on.
            status = BacktestRun.Failed;
            LogFailed(_logger, ex, id);
            Update(entry, run => run with { Status = status, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
        }

        LogEnded(_logger, id, status);
        await PublishAsync(new BacktestCompleted(_time.GetUtcNow(), id, status)).ConfigureAwait(false);
    }

    private void Progressed(Entry entry, BacktestProgress progress)
    {
        var now = _time.GetUtcNow();
        bool publish;
        lock (_gate)
        {
            entry.Run = entry.Run with { Progress = progress };
            publish = entry.LastPublished is not { } last || now - last >= PublishEvery;
            if (publish)
            {
                entry.LastPublished = now;
            }
        }

        if (publish)
        {
            _ = PublishAsync(new BacktestProgressed(now, entry.Run.Id, progress.Done, progress.Total, progress.Trades));
        }
    }

    private void Update(Entry entry, Func<BacktestRun, BacktestRun> change)
    {
        lock (_gate)
        {
            entry.Run = change(entry.Run);
        }
    }

    /// <summary>Drops the oldest finished runs beyond the number kept; a running one stays.</summary>
    private void Trim()
    {
        for (var i = _runs.Count - 1; i >= 0 && _runs.Count > _options.KeptRuns; i--)
        {
            if (!_runs[i].Run.IsRunning)
            {
                _runs[i].Cancellation.Dispose();
                _runs.RemoveAt(i);
            }
        }
    }

    private async Task PublishAsync(DeskEvent deskEvent)
    {
        try
        {
            await _events.PublishAsync(deskEvent).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogPublishFailed(_logger, ex, deskEvent.GetType().Name);
        }
    }

    private static string Percent(double fraction) => fraction.ToString("0%", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {RunId} of {Recording} ({Preset}) started by {User}")]
    private static partial void LogStarted(ILogger logger, Guid runId, string recording, string preset, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {RunId} {Status}")]
    private static partial void LogEnded(ILogger logger, Guid runId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventType} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, string eventType);

    private sealed class Entry(BacktestRun run)
    {
        public BacktestRun Run { get; set; } = run;

        public CancellationTokenSource Cancellation { get; } = new();

        public DateTimeOffset? LastPublished { get; set; }
    }

    /// <summary>Takes the replay's progress as it reports it, on the replay's own thread.</summary>
    private sealed class Reporter(BacktestRuns runs, Entry entry) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value) => runs.Progressed(entry, value);
    }
}
