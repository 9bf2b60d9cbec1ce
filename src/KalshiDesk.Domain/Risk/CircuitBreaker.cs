using System.Globalization;

namespace KalshiDesk.Domain.Risk;

/// <summary>
/// The desk's trading state machine. A pure function of the state before, the preset, the account and the time passed
/// in: no clock, no I/O.
/// <list type="bullet">
/// <item>Active ⇄ Reducing: reducing while open exposure is above the preset's total exposure cap or more positions are
/// held than it allows (no new entries, exits allowed); active again once the book is back under.</item>
/// <item>Active or Reducing → Halted: a breaker trips when a loss reaches its limit exactly (drawdown from the equity
/// peak, consecutive losing settlements, loss since the New York day began), or the kill switch is pulled.</item>
/// <item>Halted → Active (or Reducing): a daily-loss halt ends by itself at the first observation of the next New York
/// day; any halt ends by an admin's <see cref="Resume"/>, which re-bases the measure that tripped.</item>
/// </list>
/// </summary>
public static class CircuitBreaker
{
    /// <summary>The state at the breaker's first look at the account: the day's start and the peak are today's equity.</summary>
    public static RiskState Start(RiskPreset preset, PortfolioState portfolio, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);
        var equity = portfolio.Equity.Dollars;
        var state = new RiskState(TradingState.Active, null, null, now, NewYorkDay.Of(now), equity, equity, equity, 0, now);
        return Observe(state, preset, portfolio, [], now).State;
    }

    /// <summary>
    /// Looks at the account again: rolls the New York day (ending a daily-loss halt), counts the settlements since the
    /// last look, raises the peak, trips a breaker whose limit is reached, and sets active or reducing.
    /// </summary>
    /// <param name="settlementPnls">The profit or loss of each market settled since the last look, oldest first, in dollars.</param>
    public static RiskChange Observe(RiskState state, RiskPreset preset, PortfolioState portfolio, IReadOnlyList<decimal> settlementPnls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(settlementPnls);

        var equity = portfolio.Equity.Dollars;
        var next = state;
        var resumed = false;
        var day = NewYorkDay.Of(now);
        if (day > next.TradingDay)
        {
            next = next with { TradingDay = day, DayStartEquity = equity };
            if (next.Halted && next.Cause == HaltCause.DailyLoss)
            {
                next = next with { State = TradingState.Active, Cause = null, Reason = null, Since = now };
                resumed = true;
            }
        }

        if (next.DayStartEquity <= 0m && equity > 0m)
        {
            // A day that began with nothing (a live ledger not yet opened) starts at the first equity the desk has.
            next = next with { DayStartEquity = equity };
        }

        var streak = next.LosingStreak;
        foreach (var pnl in settlementPnls)
        {
            // A loss extends the run, a gain ends it; a settlement that neither made nor lost money leaves it be.
            streak = pnl < 0m ? streak + 1 : pnl > 0m ? 0 : streak;
        }

        next = next with { PeakEquity = Math.Max(next.PeakEquity, equity), LastEquity = equity, LosingStreak = streak, ObservedAt = now };
        var tripped = false;
        if (!next.Halted && Breach(next, preset) is { } breach)
        {
            next = next with { State = TradingState.Halted, Cause = breach.Cause, Reason = breach.Reason, Since = now };
            tripped = true;
        }

        if (!next.Halted)
        {
            next = Settle(next, preset, portfolio, now);
        }

        return new RiskChange(next, tripped, resumed) { StateChanged = next.State != state.State };
    }

    /// <summary>Halts the desk (the kill switch, for one): nothing new until an admin resumes, whatever the day.</summary>
    public static RiskState Halt(RiskState state, HaltCause cause, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return state with { State = TradingState.Halted, Cause = cause, Reason = reason, Since = now };
    }

    /// <summary>
    /// An admin's resume: the desk trades again, and the measure that tripped starts afresh from today's equity (the
    /// day's start for a daily-loss halt, the peak for a drawdown, the streak for losing settlements), so the same
    /// loss does not trip it again at once. The other measures carry on: one still beyond its limit trips at the next
    /// observation. Throws when the desk is not halted.
    /// </summary>
    public static RiskState Resume(RiskState state, RiskPreset preset, PortfolioState portfolio, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);
        if (!state.Halted)
        {
            throw new InvalidOperationException($"The desk is {Name(state.State)}, not halted; there is nothing to resume.");
        }

        var equity = portfolio.Equity.Dollars;
        var next = state.Cause switch
        {
            HaltCause.DailyLoss => state with { TradingDay = NewYorkDay.Of(now), DayStartEquity = equity },
            HaltCause.Drawdown => state with { PeakEquity = equity },
            HaltCause.LosingStreak => state with { LosingStreak = 0 },
            _ => state,
        };
        next = next with { State = TradingState.Active, Cause = null, Reason = null, Since = now, LastEquity = equity, ObservedAt = now };
        return Settle(next, preset, portfolio, now);
    }

    /// <summary>The limit the state has reached, worst first (those an admin must resume before the one that ends by day).</summary>
    public static (HaltCause Cause, string Reason)? Breach(RiskState state, RiskPreset preset)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(preset);
        var measures = BreakerMeasures.Of(state, preset);
        if (measures.Drawdown > 0m && measures.Drawdown >= measures.DrawdownLimit)
        {
            return (HaltCause.Drawdown, $"drawdown limit: {Dollars(measures.Drawdown)} ({Percent(measures.DrawdownFraction)}) below the equity peak of {Dollars(state.PeakEquity)}; the {preset.Name} limit is {Percent(preset.MaxDrawdown)} ({Dollars(measures.DrawdownLimit)}); an admin resumes");
        }

        if (state.LosingStreak >= preset.MaxConsecutiveLosses)
        {
            return (HaltCause.LosingStreak, string.Create(CultureInfo.InvariantCulture, $"losing streak: {state.LosingStreak} settlements in a row lost money; the {preset.Name} limit is {preset.MaxConsecutiveLosses}; an admin resumes"));
        }

        if (measures.DailyLoss > 0m && measures.DailyLoss >= measures.DailyLossLimit)
        {
            return (HaltCause.DailyLoss, $"daily loss limit: down {Dollars(measures.DailyLoss)} ({Percent(measures.DailyLossFraction)}) since the New York day began at {Dollars(state.DayStartEquity)}; the {preset.Name} limit is {Percent(preset.DailyLossLimit)} ({Dollars(measures.DailyLossLimit)}); resumes the next New York day");
        }

        return null;
    }

    /// <summary>Why the desk must only reduce under <paramref name="preset"/>, or null when the book is within its caps.</summary>
    public static string? ReducingReason(RiskPreset preset, PortfolioState portfolio)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);
        var cap = portfolio.Equity * preset.MaxTotalExposure;
        if (portfolio.OpenExposure > cap)
        {
            return $"open exposure {Dollars(portfolio.OpenExposure.Dollars)} is above the {preset.Name} cap of {Dollars(Math.Max(cap.Dollars, 0m))} ({Percent(preset.MaxTotalExposure)} of equity); exits only until it is back under";
        }

        if (portfolio.OpenPositions > preset.MaxOpenPositions)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{portfolio.OpenPositions} positions held, the {preset.Name} preset allows {preset.MaxOpenPositions}; exits only until it is back under");
        }

        return null;
    }

    /// <summary>The state's name as the API and dashboard show it.</summary>
    public static string Name(TradingState state) => state switch
    {
        TradingState.Reducing => "reducing",
        TradingState.Halted => "halted",
        _ => "active",
    };

    /// <summary>The cause's name as the API and dashboard show it.</summary>
    public static string Name(HaltCause cause) => cause switch
    {
        HaltCause.DailyLoss => "daily-loss",
        HaltCause.Drawdown => "drawdown",
        HaltCause.LosingStreak => "losing-streak",
        _ => "kill-switch",
    };

    /// <summary>$1,234.50.</summary>
    public static string Dollars(decimal amount) =>
        (amount < 0m ? "-$" : "$") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>0.025 → 2.5%.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Active or reducing, by the book against the preset's caps; the time in the state restarts on a change.</summary>
    private static RiskState Settle(RiskState state, RiskPreset preset, PortfolioState portfolio, DateTimeOffset now)
    {
        var reducing = ReducingReason(preset, portfolio);
        var target = reducing is null ? TradingState.Active : TradingState.Reducing;
        return state with { State = target, Reason = reducing, Since = target == state.State ? state.Since : now };
    }
}
