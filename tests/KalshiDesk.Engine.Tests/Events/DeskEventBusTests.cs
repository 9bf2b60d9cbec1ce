using KalshiDesk.Engine.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Engine.Tests.Events;

public class DeskEventBusTests
{
    [Fact]
    public async Task Publish_ReachesEverySubscriber_EvenWhenOneFails()
    {
        var bus = new DeskEventBus(NullLogger<DeskEventBus>.Instance);
        var seen = new List<string>();
        using var failing = bus.Subscribe(_ => throw new InvalidOperationException("broken dashboard"));
        using var working = bus.Subscribe(e =>
        {
            seen.Add(((ProposalCreated)e).Ticker);
            return Task.CompletedTask;
        });

        await bus.PublishAsync(new ProposalCreated(DateTimeOffset.UnixEpoch, Guid.NewGuid(), "M-1"));

        Assert.Equal(["M-1"], seen);
    }

    [Fact]
    public async Task Dispose_StopsDelivery()
    {
        var bus = new DeskEventBus(NullLogger<DeskEventBus>.Instance);
        var count = 0;
        var subscription = bus.Subscribe(_ =>
        {
            count++;
            return Task.CompletedTask;
        });

        await bus.PublishAsync(new CycleCompleted(DateTimeOffset.UnixEpoch, Guid.NewGuid(), 1, 0));
        subscription.Dispose();
        await bus.PublishAsync(new CycleCompleted(DateTimeOffset.UnixEpoch, Guid.NewGuid(), 1, 0));

        Assert.Equal(1, count);
    }
}
