using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Risk;

public class ExchangeHealthTests
{
    private static (ExchangeHealth Health, FakeTimeProvider Time) Health()
    {
        var time = new FakeTimeProvider(EngineHarness.Start);
        return (new ExchangeHealth(Options.Create(new RiskOptions()), time), time);
    }

    [Fact]
    public void SitOutReason_HalfOfTenRequestsFailed_SaysAPIErrorsHigh()
    {
        var (health, _) = Health();
        for (var i = 0; i < 10; i++)
        {
            health.Record(i % 2 == 0);
        }

        Assert.Equal("API errors high: 5 of the last 10 exchange requests failed within 5 min (limit 50%)", health.SitOutReason);
    }

    [Fact]
    public void SitOutReason_TooFewRequestsOrFailuresAgedOut_IsNull()
    {
        var (health, time) = Health();
        for (var i = 0; i < 9; i++)
        {
            health.Record(false);
        }

        var few = health.SitOutReason;
        health.Record(false);
        var many = health.SitOutReason;
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Null(few);
        Assert.NotNull(many);
        Assert.Null(health.SitOutReason);
        Assert.Equal((0, 0), health.Recent());
    }

    [Fact]
    public void SitOutReason_ExchangeStatus_SaysWhetherItTrades()
    {
        var (health, _) = Health();

        health.RecordStatus(new ExchangeStatus(false, false));
        var down = health.SitOutReason;
        health.RecordStatusUnknown("connection refused");
        var unknown = health.SitOutReason;
        health.RecordStatus(new ExchangeStatus(true, true));

        Assert.Equal("exchange not trading: the exchange is not active (GET /exchange/status)", down);
        Assert.Equal("exchange not trading: its status could not be read (connection refused)", unknown);
        Assert.Null(health.SitOutReason);
    }

    [Fact]
    public async Task Counter_EveryKalshiRequestOfACycleAgainstTheSandbox_IsCounted()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();

        await desk.Get<TradingCycle>().RunAsync();

        var (requests, errors) = desk.Get<ExchangeHealth>().Recent();
        Assert.True(requests >= 3, $"{requests} requests counted");
        Assert.Equal(0, errors);
    }
}
