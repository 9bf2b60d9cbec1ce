using KalshiDesk.Engine.Events;
using Microsoft.AspNetCore.Components;

namespace KalshiDesk.Web.Components;

/// <summary>
/// A component that reloads when a desk event it cares about arrives, and re-renders over its own circuit:
/// live without polling.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private IDeskEvents Events { get; set; } = default!;

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
            _subscription?.Dispose();
        }
    }

    private Task OnEventAsync(DeskEvent deskEvent) =>
        Affects(deskEvent)
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;
}
