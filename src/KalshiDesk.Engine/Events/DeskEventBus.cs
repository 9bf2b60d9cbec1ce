using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Events;

/// <summary>In-process fan-out of desk events; a failing subscriber is logged and never stops the others.</summary>
public sealed partial class DeskEventBus(ILogger<DeskEventBus> logger) : IDeskEvents
{
    private ImmutableList<Func<DeskEvent, Task>> _handlers = [];

    public async Task PublishAsync(DeskEvent deskEvent, CancellationToken ct = default)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler(deskEvent).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex, deskEvent.GetType().Name);
            }
        }
    }

    public IDisposable Subscribe(Func<DeskEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle {EventType}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string eventType);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
