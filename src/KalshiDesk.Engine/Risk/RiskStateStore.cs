using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Risk;

/// <summary>The one <c>risk_state</c> row, read as the Domain's <see cref="RiskState"/> and written back.</summary>
public static class RiskStateStore
{
    /// <summary>The desk's trading state as last observed, or null before the breaker's first look.</summary>
    public static async Task<RiskState?> ReadAsync(DeskDbContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var row = await context.RiskState.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RiskStateEntity.SingletonId, ct).ConfigureAwait(false);
        return row is null ? null : ToDomain(row);
    }

    public static RiskState ToDomain(RiskStateEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RiskState(
            ParseState(row.State),
            row.Cause is null ? null : ParseCause(row.Cause),
            row.Reason,
            row.Since,
            row.TradingDay,
            row.DayStartEquity,
            row.PeakEquity,
            row.LastEquity,
            row.LosingStreak,
            row.ObservedAt);
    }

    /// <summary>Copies <paramref name="state"/> into <paramref name="row"/> and moves its version on.</summary>
    public static void Write(RiskStateEntity row, RiskState state)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(state);
        row.State = CircuitBreaker.Name(state.State);
        row.Cause = state.Cause is { } cause ? CircuitBreaker.Name(cause) : null;
        row.Reason = state.Reason is { Length: > 1000 } reason ? reason[..1000] : state.Reason;
        row.Since = state.Since;
        row.TradingDay = state.TradingDay;
        row.DayStartEquity = decimal.Round(state.DayStartEquity, 6);
        row.PeakEquity = decimal.Round(state.PeakEquity, 6);
        row.LastEquity = decimal.Round(state.LastEquity, 6);
        row.LosingStreak = state.LosingStreak;
        row.ObservedAt = state.ObservedAt;
        row.Version++;
    }

    private static TradingState ParseState(string state) => state switch
    {
        "halted" => TradingState.Halted,
        "reducing" => TradingState.Reducing,
        _ => TradingState.Active,
    };

    private static HaltCause ParseCause(string cause) => cause switch
    {
        "daily-loss" => HaltCause.DailyLoss,
        "drawdown" => HaltCause.Drawdown,
        "losing-streak" => HaltCause.LosingStreak,
        _ => HaltCause.KillSwitch,
    };
}
