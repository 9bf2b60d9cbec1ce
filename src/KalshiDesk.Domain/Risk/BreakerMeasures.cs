namespace KalshiDesk.Domain.Risk;

/// <summary>How far the account is from each breaker's limit. Money in dollars; fractions of the base they are measured from.</summary>
/// <param name="DailyLoss">Day-start equity − equity, or 0 when up on the day.</param>
/// <param name="DailyLossLimit">The loss that trips the daily breaker: day-start equity × the preset's daily loss limit.</param>
/// <param name="Drawdown">Peak equity − equity, or 0 at a new peak.</param>
/// <param name="DrawdownLimit">The drawdown that trips the breaker: peak equity × the preset's maximum drawdown.</param>
public sealed record BreakerMeasures(
    DateOnly TradingDay,
    decimal Equity,
    decimal DayStartEquity,
    decimal DailyLoss,
    decimal DailyLossFraction,
    decimal DailyLossLimit,
    decimal PeakEquity,
    decimal Drawdown,
    decimal DrawdownFraction,
    decimal DrawdownLimit,
    int LosingStreak,
    int MaxConsecutiveLosses)
{
    /// <summary>The measures of <paramref name="state"/> at its last observed equity.</summary>
    public static BreakerMeasures Of(RiskState state, RiskPreset preset)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(preset);
        var equity = state.LastEquity;
        var loss = Math.Max(state.DayStartEquity - equity, 0m);
        var drawdown = Math.Max(state.PeakEquity - equity, 0m);
        return new BreakerMeasures(
            state.TradingDay,
            equity,
            state.DayStartEquity,
            loss,
            state.DayStartEquity > 0m ? loss / state.DayStartEquity : 0m,
            Math.Max(state.DayStartEquity, 0m) * preset.DailyLossLimit,
            state.PeakEquity,
            drawdown,
            state.PeakEquity > 0m ? drawdown / state.PeakEquity : 0m,
            Math.Max(state.PeakEquity, 0m) * preset.MaxDrawdown,
            state.LosingStreak,
            preset.MaxConsecutiveLosses);
    }
}
