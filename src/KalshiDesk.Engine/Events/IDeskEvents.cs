namespace KalshiDesk.Engine.Events;

/// <summary>The one path live updates take: the Engine publishes, dashboards and the SignalR hub subscribe.</summary>
public interface IDeskEvents
{
    Task PublishAsync(DeskEvent deskEvent, CancellationToken ct = default);

    /// <summary>Calls <paramref name="handler"/> for every event until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<DeskEvent, Task> handler);
}
