using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Domain.Tests.Risk;

public class CircuitBreakerTests
{
    /// <summary>Monday 23 November 2026, 10:00 in New York (EST, UTC−5).</summary>
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static readonly RiskPreset Balanced = RiskPresets.Balanced;

    private static PortfolioState Account(decimal equity, decimal exposure = 0m, int positions = 0)
    {
        var byTicker = Enumerable.Range(0, positions).ToDictionary(i => $"KX-{i}", _ => new Money(exposure / Math.Max(positions, 1)));
        return new PortfolioState(new Money(equity), new Money(equity - exposure), byTicker, new Dictionary<string, Money>());
    }

    private static RiskState Started(decimal equity = 1000m) => CircuitBreaker.Start(Balanced, Account(equity), Morning);

    private static RiskChange Observe(RiskState state, decimal equity, DateTimeOffset? at = null, params decimal[] settlements) =>
        CircuitBreaker.Observe(state, Balanced, Account(equity), settlements, at ?? Morning.AddHours(1));

    [Fact]
    public void Start_TodaysEquity_IsTheDaysStartAndThePeak()
    {
        var state = Started();

        Assert.Equal(new RiskState(TradingState.Active, null, null, Morning, new DateOnly(2026, 11, 23), 1000m, 1000m, 1000m, 0, Morning), state);
    }

    [Fact]
    public void Observe_LossReachingTheDailyLimit_Halts()
    {
        // Balanced: 4% of the $1,000 the day began with is $40.
        var change = Observe(Started(), 960m);

        Assert.True(change.Tripped);
        Assert.True(change.StateChanged);
        Assert.Equal((TradingState.Halted, HaltCause.DailyLoss, Morning.AddHours(1)), (change.State.State, change.State.Cause, change.State.Since));
        Assert.Equal("daily loss limit: down $40.00 (4%) since the New York day began at $1,000.00; the balanced limit is 4% ($40.00); resumes the next New York day", change.State.Reason);
    }

    [Fact]
    public void Observe_LossOneCentShortOfTheDailyLimit_StaysActive()
    {
        var change = Observe(Started(), 960.01m);

        Assert.False(change.Tripped);
        Assert.Equal(TradingState.Active, change.State.State);
        Assert.Equal((39.99m, 40m), (BreakerMeasures.Of(change.State, Balanced).DailyLoss, BreakerMeasures.Of(change.State, Balanced).DailyLossLimit));
    }

    [Fact]
    public void Observe_DrawdownReachingTheLimit_HaltsForAnAdmin()
    {
        // A peak of $1,000 and a day that began at $860: $850 is 15% below the peak, but only $10 down on the day.
        var state = Started() with { DayStartEquity = 860m };

        var change = Observe(state, 850m);

        Assert.Equal((TradingState.Halted, HaltCause.Drawdown), (change.State.State, change.State.Cause));
        Assert.Equal("drawdown limit: $150.00 (15%) below the equity peak of $1,000.00; the balanced limit is 15% ($150.00); an admin resumes", change.State.Reason);
    }

    [Fact]
    public void Observe_DrawdownAndDailyLossTogether_HaltsForTheDrawdown()
    {
        var change = Observe(Started(), 800m);

        Assert.Equal(HaltCause.Drawdown, change.State.Cause);
    }

    [Fact]
    public void Observe_NewPeak_RaisesThePeakAndTheDrawdownIsMeasuredFromIt()
    {
        var higher = Observe(Started(), 1200m).State;

        var measures = BreakerMeasures.Of(Observe(higher, 1150m).State, Balanced);

        Assert.Equal((1200m, 50m, 180m), (measures.PeakEquity, measures.Drawdown, measures.DrawdownLimit));
    }

    [Fact]
    public void Observe_SixLosingSettlementsInARow_Halts()
    {
        // Balanced halts at 6. A gain ends a run; a settlement that neither made nor lost money leaves it be.
        var fourInARow = Observe(Started(), 1000m, null, -1m, -2m, 5m, -1m, -1m, 0m, -1m, -1m).State;
        var five = Observe(fourInARow, 1000m, null, -0.01m);

        Assert.Equal((4, TradingState.Active), (fourInARow.LosingStreak, fourInARow.State));
        Assert.Equal(5, Observe(fourInARow, 1000m, null, 0m, -0.5m).State.LosingStreak);
        Assert.False(five.Tripped);
        Assert.Equal(5, five.State.LosingStreak);
        var tripped = Observe(five.State, 1000m, null, -3m);
        Assert.True(tripped.Tripped);
        Assert.Equal((HaltCause.LosingStreak, 6), (tripped.State.Cause, tripped.State.LosingStreak));
        Assert.Equal("losing streak: 6 settlements in a row lost money; the balanced limit is 6; an admin resumes", tripped.State.Reason);
    }

    [Fact]
    public void Observe_NextNewYorkDay_EndsADailyLossHalt()
    {
        var halted = Observe(Started(), 950m).State;

        // 23:59 in New York is still Monday; midnight EST is 05:00 UTC.
        var lateMonday = Observe(halted, 950m, new DateTimeOffset(2026, 11, 24, 4, 59, 0, TimeSpan.Zero));
        var tuesday = Observe(lateMonday.State, 945m, new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal(TradingState.Halted, lateMonday.State.State);
        Assert.False(lateMonday.Resumed);
        Assert.True(tuesday.Resumed);
        Assert.False(tuesday.Tripped);
        Assert.Equal(
            (TradingState.Active, (HaltCause?)null, new DateOnly(2026, 11, 24), 945m, 1000m),
            (tuesday.State.State, tuesday.State.Cause, tuesday.State.TradingDay, tuesday.State.DayStartEquity, tuesday.State.PeakEquity));
    }

    [Fact]
    public void Observe_NextNewYorkDay_KeepsADrawdownHalt()
    {
        var halted = Observe(Started(), 840m).State;

        var tuesday = Observe(halted, 840m, Morning.AddDays(1));

        Assert.Equal((TradingState.Halted, HaltCause.Drawdown), (tuesday.State.State, tuesday.State.Cause));
        Assert.Equal(840m, tuesday.State.DayStartEquity);
        Assert.False(tuesday.Resumed);
    }

    [Fact]
    public void Observe_NextDayWhileADrawdownStillHolds_ResumesTheDailyHaltAndTripsTheDrawdown()
    {
        // Down $40 on a day that began at $900 (limit $36), $140 below the peak (limit $150).
        var halted = Observe(Started() with { DayStartEquity = 900m }, 860m).State;
        Assert.Equal(HaltCause.DailyLoss, halted.Cause);

        var tuesday = Observe(halted, 850m, Morning.AddDays(1));

        Assert.True(tuesday.Resumed);
        Assert.True(tuesday.Tripped);
        Assert.Equal((TradingState.Halted, HaltCause.Drawdown), (tuesday.State.State, tuesday.State.Cause));
    }

    [Fact]
    public void Halt_KillSwitchDuringADailyLossHalt_IsNotEndedByTheNextDay()
    {
        var daily = Observe(Started(), 950m).State;

        var killed = CircuitBreaker.Halt(daily, HaltCause.KillSwitch, "kill switch pulled by admin", Morning.AddHours(2));
        var tuesday = Observe(killed, 950m, Morning.AddDays(1));

        Assert.Equal((TradingState.Halted, HaltCause.KillSwitch, "kill switch pulled by admin"), (tuesday.State.State, tuesday.State.Cause, tuesday.State.Reason));
    }

    [Fact]
    public void Resume_DrawdownHalt_RebasesThePeakAndKeepsTheRest()
    {
        var halted = Observe(Started() with { DayStartEquity = 860m, LosingStreak = 3 }, 850m).State;

        var resumed = CircuitBreaker.Resume(halted, Balanced, Account(850m), Morning.AddHours(3));

        Assert.Equal(
            (TradingState.Active, (HaltCause?)null, (string?)null, Morning.AddHours(3), 850m, 860m, 3),
            (resumed.State, resumed.Cause, resumed.Reason, resumed.Since, resumed.PeakEquity, resumed.DayStartEquity, resumed.LosingStreak));
        Assert.False(Observe(resumed, 850m, Morning.AddHours(4)).Tripped);
    }

    [Fact]
    public void Resume_DailyLossHalt_RebasesTheDaysStart()
    {
        var halted = Observe(Started(), 950m).State;

        var resumed = CircuitBreaker.Resume(halted, Balanced, Account(950m), Morning.AddHours(3));

        Assert.Equal((950m, 1000m), (resumed.DayStartEquity, resumed.PeakEquity));
        Assert.False(Observe(resumed, 920m, Morning.AddHours(4)).Tripped);
        Assert.True(Observe(resumed, 912m, Morning.AddHours(4)).Tripped);
    }

    [Fact]
    public void Resume_LosingStreakHalt_StartsTheStreakAgain()
    {
        var halted = Observe(Started(), 1000m, null, -1m, -1m, -1m, -1m, -1m, -1m).State;

        var resumed = CircuitBreaker.Resume(halted, Balanced, Account(1000m), Morning.AddHours(3));

        Assert.Equal((TradingState.Active, 0), (resumed.State, resumed.LosingStreak));
    }

    [Fact]
    public void Resume_NotHalted_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CircuitBreaker.Resume(Started(), Balanced, Account(1000m), Morning));

        Assert.Equal("The desk is active, not halted; there is nothing to resume.", error.Message);
    }

    [Fact]
    public void Observe_ExposureAboveATighterPresetsCap_ReducesUntilItIsBackUnder()
    {
        // $200 held of $1,000: inside balanced's 30%, above conservative's 15%.
        var state = CircuitBreaker.Start(Balanced, Account(1000m, 200m, 4), Morning);

        var tighter = CircuitBreaker.Observe(state, RiskPresets.Conservative, Account(1000m, 200m, 4), [], Morning.AddMinutes(1));
        var later = CircuitBreaker.Observe(tighter.State, RiskPresets.Conservative, Account(1000m, 200m, 4), [], Morning.AddMinutes(2));
        var sold = CircuitBreaker.Observe(later.State, RiskPresets.Conservative, Account(1000m, 150m, 3), [], Morning.AddMinutes(3));

        Assert.Equal(TradingState.Active, state.State);
        Assert.Equal((TradingState.Reducing, true, Morning.AddMinutes(1)), (tighter.State.State, tighter.StateChanged, tighter.State.Since));
        Assert.Equal("open exposure $200.00 is above the conservative cap of $150.00 (15% of equity); exits only until it is back under", tighter.State.Reason);
        Assert.Equal((TradingState.Reducing, false, Morning.AddMinutes(1)), (later.State.State, later.StateChanged, later.State.Since));
        Assert.Equal((TradingState.Active, (string?)null, Morning.AddMinutes(3)), (sold.State.State, sold.State.Reason, sold.State.Since));
    }

    [Fact]
    public void Observe_MorePositionsThanThePresetAllows_Reduces()
    {
        var change = CircuitBreaker.Observe(Started(), RiskPresets.Conservative, Account(1000m, 110m, 11), [], Morning.AddMinutes(1));

        Assert.Equal((TradingState.Reducing, "11 positions held, the conservative preset allows 10; exits only until it is back under"), (change.State.State, change.State.Reason));
    }

    [Fact]
    public void Observe_HaltedAndOverTheCap_StaysHalted()
    {
        var halted = Observe(Started(), 950m).State;

        var change = CircuitBreaker.Observe(halted, RiskPresets.Conservative, Account(950m, 400m, 5), [], Morning.AddHours(2));

        Assert.Equal(TradingState.Halted, change.State.State);
        Assert.False(change.StateChanged);
    }

    [Property(MaxTest = 300)]
    public Property Observe_DailyLoss_TripsExactlyAtItsLimit(uint cents, byte presetIndex)
    {
        // A loss of the limit less a cent leaves the desk trading; a loss of the limit halts it, for the daily loss.
        var preset = RiskPresets.All[presetIndex % 3];
        var start = 10m + cents % 100_000_000 / 100m;
        var limit = start * preset.DailyLossLimit;
        var state = CircuitBreaker.Start(preset, Account(start), Morning);

        var short1 = CircuitBreaker.Observe(state, preset, Account(start - (limit - 0.01m)), [], Morning.AddHours(1));
        var reached = CircuitBreaker.Observe(state, preset, Account(start - limit), [], Morning.AddHours(1));

        return (!short1.Tripped && short1.State.State == TradingState.Active && reached.Tripped && reached.State.Cause == HaltCause.DailyLoss)
            .Label($"{preset.Name} from {start}: limit {limit}, {short1.State.State} then {reached.State.State} {reached.State.Cause}");
    }

    [Property(MaxTest = 300)]
    public Property Observe_Drawdown_TripsExactlyAtItsLimit(uint cents, byte presetIndex)
    {
        var preset = RiskPresets.All[presetIndex % 3];
        var peak = 10m + cents % 100_000_000 / 100m;
        var limit = peak * preset.MaxDrawdown;

        // The day began at the low, so only the drawdown is measured.
        var state = CircuitBreaker.Start(preset, Account(peak), Morning) with { DayStartEquity = peak - limit };

        var short1 = CircuitBreaker.Observe(state, preset, Account(peak - (limit - 0.01m)), [], Morning.AddHours(1));
        var reached = CircuitBreaker.Observe(state, preset, Account(peak - limit), [], Morning.AddHours(1));

        return (!short1.Tripped && reached.Tripped && reached.State.Cause == HaltCause.Drawdown)
            .Label($"{preset.Name} from {peak}: limit {limit}, {short1.State.State} then {reached.State.Cause}");
    }

    [Property(MaxTest = 100)]
    public Property Observe_LosingStreak_TripsExactlyAtItsLimit(byte presetIndex, byte lossCents)
    {
        var preset = RiskPresets.All[presetIndex % 3];
        var loss = -(lossCents + 1) / 100m;
        var state = CircuitBreaker.Start(preset, Account(1000m), Morning);

        var shortOfIt = CircuitBreaker.Observe(state, preset, Account(1000m), [.. Enumerable.Repeat(loss, preset.MaxConsecutiveLosses - 1)], Morning.AddHours(1));
        var reached = CircuitBreaker.Observe(shortOfIt.State, preset, Account(1000m), [loss], Morning.AddHours(2));

        return (!shortOfIt.Tripped && reached.Tripped && reached.State.Cause == HaltCause.LosingStreak).Label($"{preset.Name}");
    }
}
