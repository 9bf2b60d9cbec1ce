using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Engine.Forecasting.Llm;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Forecasting.Llm;

public class LlmSpendLedgerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryReserve_InFlightCallsCountAgainstTheCap()
    {
        var ledger = new LlmSpendLedger(new FakeTimeProvider(Noon), 0.05m);

        Assert.True(ledger.TryReserve(0.03m, out var first));
        Assert.False(ledger.TryReserve(0.03m, out _));
        ledger.Settle(first, 0.01m);

        Assert.True(ledger.TryReserve(0.03m, out _));
        Assert.Equal(0.01m, ledger.SpentToday);
    }

    [Fact]
    public void Settle_CallStartedYesterday_IsNotChargedToToday()
    {
        var time = new FakeTimeProvider(Noon.Date.AddDays(1).AddSeconds(-1));
        var ledger = new LlmSpendLedger(time, 1m);
        Assert.True(ledger.TryReserve(0.5m, out var lateCall));

        time.Advance(TimeSpan.FromSeconds(2));
        ledger.Settle(lateCall, 0.4m);

        Assert.Equal(0m, ledger.SpentToday);
        Assert.True(ledger.TryReserve(1m, out _));
    }

    [Property]
    public Property SpentToday_NeverPassesTheCap_WhenCallsCostNoMoreThanTheirWorstCase(byte[] worstCents, byte capCents)
    {
        var cap = capCents / 100m;
        var ledger = new LlmSpendLedger(new FakeTimeProvider(Noon), cap);
        foreach (var cents in worstCents ?? [])
        {
            if (ledger.TryReserve(cents / 100m, out var reservation))
            {
                // Actual cost anywhere from nothing to the worst case.
                ledger.Settle(reservation, cents / 200m);
            }
        }

        return (ledger.SpentToday <= cap).Label($"spent {ledger.SpentToday} of {cap}");
    }
}
