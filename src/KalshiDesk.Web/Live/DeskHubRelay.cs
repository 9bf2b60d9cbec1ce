using KalshiDesk.Engine.Events;
using Microsoft.AspNetCore.SignalR;

namespace KalshiDesk.Web.Live;

/// <summary>Forwards every in-process desk event to the SignalR hub (and, with Redis, to every instance's clients).</summary>
internal sealed class DeskHubRelay(IDeskEvents events, IHubContext<DeskHub, IDeskClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(e => hub.Clients.All.DeskEvent(e.GetType().Name, e));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
