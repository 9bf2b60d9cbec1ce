using System.Diagnostics;

namespace KalshiDesk.TestKit.Tests;

public sealed class EventuallyTests
{
    [Fact]
    public async Task Until_ConditionBecomesTrueOnThirdPoll_ReturnsAfterThreePolls()
    {
        var polls = 0;

        await Eventually.Until(() => ++polls == 3, TimeSpan.FromSeconds(10), "the third poll is true");

        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task Until_ConditionNeverTrue_ThrowsTimeoutStartingWithBecause()
    {
        var elapsed = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.Until(() => Task.FromResult(false), TimeSpan.FromMilliseconds(200), "the order never filled"));

        Assert.StartsWith("the order never filled", error.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Until_ConditionThrows_PropagatesWithoutWaitingForTimeout()
    {
        var elapsed = Stopwatch.StartNew();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Eventually.Until(Task<bool> () => throw new InvalidOperationException("broken"), TimeSpan.FromMinutes(5), "never reached"));

        Assert.True(elapsed.Elapsed < TimeSpan.FromMinutes(1), $"took {elapsed.Elapsed}");
    }
}
