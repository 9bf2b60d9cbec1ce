using KalshiDesk.Kalshi.WebSockets;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

public class ReconnectBackoffTests
{
    [Fact]
    public void DelayFor_DoublesWithJitterInTheUpperHalfAndStopsAtTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), new Random(7));

        for (var attempt = 0; attempt < 40; attempt++)
        {
            var ceiling = Math.Min(30_000d, 500d * Math.Pow(2, attempt));
            Assert.InRange(backoff.DelayFor(attempt).TotalMilliseconds, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Default_StartsAtHalfASecondAndCapsAtThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), ReconnectBackoff.Default.Initial);
        Assert.Equal(TimeSpan.FromSeconds(30), ReconnectBackoff.Default.Cap);
    }
}
