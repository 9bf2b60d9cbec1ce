using Bunit;
using KalshiDesk.Engine.Events;
using KalshiDesk.Web.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Web.Tests.Components;

public sealed class LiveComponentBaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);

    public LiveComponentBaseTests() => _bunit.Services.AddSingleton<IDeskEvents>(_events);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    [Fact]
    public async Task Publish_ReturnsWhileAPageIsStillReloading()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = _bunit.Render<GatedLive>();
        page.Instance.Gate = gate.Task;

        // An approval publishes and answers its caller; it does not wait for this page to read and redraw.
        await _events.PublishAsync(new PositionsChanged(Now, "KXM-1")).WaitAsync(Wait);
        await UntilAsync(() => page.Instance.Loads == 2);
        Assert.Equal("loaded 1", page.Find("p").TextContent);

        gate.SetResult();
        page.WaitForAssertion(() => Assert.Equal("loaded 2", page.Find("p").TextContent), Wait);
    }

    [Fact]
    public async Task EventsDuringAReload_FoldIntoOneMoreReload()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = _bunit.Render<GatedLive>();
        page.Instance.Gate = gate.Task;
        await _events.PublishAsync(new PositionsChanged(Now, "KXM-1"));
        await UntilAsync(() => page.Instance.Loads == 2);

        for (var i = 0; i < 5; i++)
        {
            await _events.PublishAsync(new PositionsChanged(Now, "KXM-1"));
        }

        await _events.PublishAsync(new CycleCompleted(Now, Guid.Empty, 1, 0)); // Not this page's: ignored.
        gate.SetResult();

        page.WaitForAssertion(() => Assert.Equal("loaded 3", page.Find("p").TextContent), Wait);

        // No stray reload follows: the next event's reload is the fourth, and it is held at its gate, so a fourth load
        // that had run on its own would have drawn "loaded 4" before this one started.
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Instance.Gate = marker.Task;
        await _events.PublishAsync(new PositionsChanged(Now, "KXM-2"));
        await UntilAsync(() => page.Instance.Loads >= 4);
        Assert.Equal(4, page.Instance.Loads);
        Assert.Equal("loaded 3", page.Find("p").TextContent);
        marker.SetResult();
        page.WaitForAssertion(() => Assert.Equal("loaded 4", page.Find("p").TextContent), Wait);
    }

    [Fact]
    public async Task AFailedReload_KeepsWhatThePageShowed_AndTheNextEventReloads()
    {
        var page = _bunit.Render<GatedLive>();
        page.Instance.Gate = Task.FromException(new InvalidOperationException("database gone"));
        await _events.PublishAsync(new PositionsChanged(Now, "KXM-1"));
        await UntilAsync(() => page.Instance.Loads == 2);
        Assert.Equal("loaded 1", page.Find("p").TextContent);

        page.Instance.Gate = Task.CompletedTask;
        await _events.PublishAsync(new PositionsChanged(Now, "KXM-1"));
        page.WaitForAssertion(() => Assert.Equal("loaded 3", page.Find("p").TextContent), Wait);
    }

    /// <summary>Waits for something that does not render (a reload that has started but not finished).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>A live component whose load waits for <see cref="Gate"/> and counts how often it ran.</summary>
    private sealed class GatedLive : LiveComponentBase
    {
        private int _loads;
        private int _shown;

        public Task Gate { get; set; } = Task.CompletedTask;

        public int Loads => Volatile.Read(ref _loads);

        protected override bool Affects(DeskEvent deskEvent) => deskEvent is PositionsChanged;

        protected override async Task LoadAsync()
        {
            var n = Interlocked.Increment(ref _loads);
            await Gate;
            _shown = n;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, $"loaded {_shown}");
            builder.CloseElement();
        }
    }
}
