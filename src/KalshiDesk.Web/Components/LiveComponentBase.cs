using KalshiDesk.Engine.Events;
using Microsoft.AspNetCore.Components;

namespace KalshiDesk.Web.Components;

/// <summary>
/// A component that reloads when a desk event it cares about arrives, and re-renders over its own circuit:
/// live without polling.
/// </summary>
/// <remarks>
/// The event only schedules the reload, on the thread pool: the publisher (an approval, a cycle) never waits for a page
/// to read and redraw, and the open pages reload side by side instead of one after another on the publisher's thread. Events that arrive while a reload runs are folded
/// into one more reload after it, so a page never draws an older read over a newer one.
/// </remarks>
public abstract partial class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private int _requested;
    private int _running;
    private volatile bool _disposed;

    [Inject]
    private IDeskEvents Events { get; set; } = default!;

    [Inject]
    private ILogger<LiveComponentBase> Logger { get; set; } = default!;

    /// <summary>Whether <paramref name="deskEvent"/> changes what this component shows.</summary>
    protected abstract bool Affects(DeskEvent deskEvent);

    /// <summary>Loads what the component shows.</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        _subscription = Events.Subscribe(OnEventAsync);
        await LoadAsync();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            _subscription?.Dispose();
        }
    }

    private Task OnEventAsync(DeskEvent deskEvent)
    {
        if (_disposed || !Affects(deskEvent))
        {
            return Task.CompletedTask;
        }

        Volatile.Write(ref _requested, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            // On the thread pool: an idle circuit runs InvokeAsync's work inline, and a read that completes synchronously
            // (SQLite's do) would otherwise load and render every open page on the publisher's thread, one after another.
            _ = Task.Run(ReloadAsync);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reloads and redraws until no event has asked for another reload; one runs at a time.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            while (true)
            {
                while (Interlocked.Exchange(ref _requested, 0) == 1 && !_disposed)
                {
                    await InvokeAsync(async () =>
                    {
                        await LoadAsync();
                        StateHasChanged();
                    }).ConfigureAwait(false);
                }

                Volatile.Write(ref _running, 0);

                // An event that came between the last look and the release has nobody running for it: take it on.
                if (_disposed || Volatile.Read(ref _requested) == 0 || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                {
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _running, 0);
            if (!_disposed)
            {
                // The page keeps what it showed; the next event tries again.
                LogReloadFailed(Logger, ex, GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Component} failed to reload after a desk event")]
    private static partial void LogReloadFailed(ILogger logger, Exception ex, string component);
}
