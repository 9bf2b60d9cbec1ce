using System.Globalization;
using KalshiDesk.Sandbox.World;
using KalshiDesk.Sandbox.World.Replay;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Replay;

/// <summary>A recording (the backtests' settled-markets CSV) served through the real API at accelerated speed.</summary>
public sealed class ReplayTests : IDisposable
{
    private const string Csv = """
        ticker,category,price,outcome,close_time,observed_at
        KXHIGHNY-25JAN10-T40,weather,0.35,yes,2025-01-10T23:00:00Z,2025-01-10T08:00:00Z
        KXHIGHNY-25JAN10-T40,weather,0.52,yes,2025-01-10T23:00:00Z,2025-01-10T12:00:00Z
        KXHIGHNY-25JAN10-T40,weather,0.81,yes,2025-01-10T23:00:00Z,2025-01-10T18:00:00Z
        KXHIGHNY-25JAN10-T44,weather,0.12,no,2025-01-10T23:00:00Z,2025-01-10T08:00:00Z
        KXHIGHNY-25JAN10-T44,weather,0.06,no,2025-01-10T23:00:00Z,2025-01-10T18:00:00Z
        KXFEDDECISION-25JAN-H0,economics,0.90,yes,2025-01-11T19:00:00Z,2025-01-10T10:00:00Z
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kd-replay-{Guid.NewGuid():N}.csv");

    public ReplayTests() => File.WriteAllText(_path, Csv);

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Replay_AtAnHourASecond_FollowsThePathsThenSettlesAsRecorded()
    {
        // 3600× : one recorded hour passes each second.
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { ReplayPath = _path, ReplaySpeed = 3600, TickInterval = TimeSpan.Zero, RateLimits = new() { Enabled = false } });
        var markets = await host.AllMarketsAsync();
        Assert.Equal(["KXFEDDECISION-25JAN-H0", "KXHIGHNY-25JAN10-T40", "KXHIGHNY-25JAN10-T44"], markets.Select(m => m.Text("ticker")));
        Assert.Equal("KXHIGHNY-25JAN10", markets[1].Text("event_ticker"));
        Assert.Equal("active", markets[1].Text("status"));
        Assert.Equal("initialized", markets[0].Text("status"));

        // The recording starts at 08:00: 12:00 is 4 s in, 18:00 is 10 s in, the close (23:00) 15 s in.
        var start = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromSeconds(4));
        host.Exchange.Tick();
        Assert.Equal(0.52m, (await Market(host, "KXHIGHNY-25JAN10-T40")).Dollars("last_price_dollars"));
        var fed = await Market(host, "KXFEDDECISION-25JAN-H0");
        Assert.Equal("active", fed.Text("status"));
        Assert.Equal(start.AddSeconds(2), DateTimeOffset.Parse(fed.Text("open_time"), CultureInfo.InvariantCulture));

        host.Time.Advance(TimeSpan.FromSeconds(6));
        host.Exchange.Tick();
        var t40 = await Market(host, "KXHIGHNY-25JAN10-T40");
        Assert.Equal(0.81m, t40.Dollars("last_price_dollars"));
        Assert.InRange(t40.Dollars("yes_bid_dollars"), 0.77m, 0.81m);
        Assert.InRange(t40.Dollars("yes_ask_dollars"), 0.81m, 0.85m);
        Assert.Equal(0.06m, (await Market(host, "KXHIGHNY-25JAN10-T44")).Dollars("last_price_dollars"));
        Assert.Equal(start.AddSeconds(15), DateTimeOffset.Parse(t40.Text("close_time"), CultureInfo.InvariantCulture));

        host.Time.Advance(TimeSpan.FromSeconds(5) + SandboxMarket.DeterminationDelay + SandboxMarket.SettlementTimer);
        host.Exchange.Tick();
        var settled = await host.AllMarketsAsync("&status=settled");
        Assert.Equal(
            [("KXHIGHNY-25JAN10-T40", "yes"), ("KXHIGHNY-25JAN10-T44", "no")],
            settled.Select(m => (m.Text("ticker"), m.Text("result"))));

        // The Fed market closes 35 recorded hours in (35 s), so six minutes on it is determined but not yet settled.
        var determined = await Market(host, "KXFEDDECISION-25JAN-H0");
        Assert.Equal(("determined", "yes"), (determined.Text("status"), determined.Text("result")));
    }

    [Theory]
    [InlineData("ticker,category,price\nA,b,0.5\n", "line 1: there is no 'outcome' column")]
    [InlineData("ticker,category,price,outcome\nKXA-1,b,1.50,yes\n", "line 2: price '1.50' is not a YES price")]
    [InlineData("ticker,category,price,outcome\nKXA-1,b,0.50,maybe\n", "line 2: outcome 'maybe' is not yes/no")]
    [InlineData("ticker,category,price,outcome,close_time\nKXA-1,b,0.50,yes,tomorrow\n", "line 2: close_time 'tomorrow' is not an ISO 8601 time")]
    [InlineData("ticker,category,price,outcome,close_time\nKXA-1,b,0.50,yes,2025-01-01T00:00:00Z\nKXA-1,b,0.60,no,2025-01-01T00:00:00Z\n", "line 3: KXA-1 resolved no here but yes on an earlier line")]
    [InlineData("ticker,category,price,outcome\nKX A,b,0.50,yes\n", "line 2: ticker 'KX A' is not a Kalshi ticker")]
    [InlineData("ticker,category,price,outcome\n", "has no markets")]
    public void Load_MalformedRecording_SaysWhereAndWhat(string csv, string problem)
    {
        File.WriteAllText(_path, csv);

        var ex = Assert.Throws<ArgumentException>(() => Recording.Load(_path));

        Assert.StartsWith("Sandbox:ReplayPath: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ReplayFileMissing_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SandboxExchange(
            new SandboxOptions { ReplayPath = _path + ".missing", TickInterval = TimeSpan.Zero },
            new FakeTimeProvider(SandboxHost.Start)));

        Assert.Contains("Sandbox:ReplayPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> Market(SandboxHost host, string ticker)
    {
        var (status, body) = await host.GetAsync($"markets/{ticker}");
        Assert.Equal(200, status);
        return body.GetProperty("market");
    }
}
