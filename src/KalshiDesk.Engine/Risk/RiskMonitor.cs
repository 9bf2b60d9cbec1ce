using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Keeps the desk's trading state: observes the account wherever equity changes (each cycle after marking, after a
/// fill, after reconciliation imports fills or settlements), moves <see cref="CircuitBreaker"/>'s state machine, and
/// persists the result in <c>risk_state</c> so a halt survives restarts and holds on every instance. A trip cancels
/// every resting order; each transition is audited and published.
/// </summary>
public sealed partial class RiskMonitor(
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    PortfolioReader portfolio,
    PresetProvider presets,
    RestingOrders resting,
    IDeskEvents events,
    TimeProvider time,
    ILogger<RiskMonitor> logger)
{
    /// <summary>The actor of the breaker's own audit entries.</summary>
    public const string Breaker = "breaker";

    private const int Attempts = 5;

    /// <summary>
    /// Looks at the account and the settlements not yet counted, moves the state machine and saves it. The first look
    /// starts the breaker: today's equity is the day's start and the peak, and settlements already booked are history,
    /// not a streak.
    /// </summary>
    public async Task<RiskState> ObserveAsync(CancellationToken ct = default)
    {
        // The account read and the state written are of one book.
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
            var book = (await portfolio.ReadAsync(ct).ConfigureAwait(false)).ToRiskState();
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            var row = await context.RiskState.FirstOrDefaultAsync(r => r.Id == RiskStateEntity.SingletonId, ct).ConfigureAwait(false);
            var uncounted = (await context.Settlements.Where(s => s.BreakerCountedAt == null).ToListAsync(ct).ConfigureAwait(false))
                .OrderBy(s => s.SettledAt).ThenBy(s => s.Id).ToList();
            RiskChange change;
            TradingState before;
            if (row is null)
            {
                var started = CircuitBreaker.Start(preset, book, now);
                change = new RiskChange(started, false, false) { StateChanged = started.State != TradingState.Active };
                before = TradingState.Active;
                row = new RiskStateEntity { State = CircuitBreaker.Name(started.State) };
                context.RiskState.Add(row);
            }
            else
            {
                var previous = RiskStateStore.ToDomain(row);
                before = previous.State;
                change = CircuitBreaker.Observe(previous, preset, book, [.. uncounted.Select(s => s.Pnl)], now);
            }

            RiskStateStore.Write(row, change.State);
            foreach (var settlement in uncounted)
            {
                settlement.BreakerCountedAt = now;
            }

            if (change.Resumed)
            {
                context.Audit.Add(Audit(now, Breaker, "risk.resume", "a new New York day began: the daily-loss halt ends", "halted", CircuitBreaker.Name(change.State.State)));
            }

            if (change.Tripped)
            {
                context.Audit.Add(Audit(now, Breaker, "risk.halt", change.State.Reason!, CircuitBreaker.Name(before), "halted"));
            }

            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another observer saved first (the other instance, or a fill while the cycle ran): look again.
                continue;
            }

            if (change.Tripped)
            {
                LogTripped(logger, change.State.Reason!);
                await CancelRestingAsync(ct).ConfigureAwait(false);
            }

            if (change.StateChanged)
            {
                await events.PublishAsync(new RiskStateChanged(now, CircuitBreaker.Name(change.State.State), change.State.Reason), ct).ConfigureAwait(false);
            }

            return change.State;
        }
    }

    /// <summary>The trading state as last observed, or null before the breaker's first look.</summary>
    public async Task<RiskState?> ReadAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await RiskStateStore.ReadAsync(context, ct).ConfigureAwait(false);
    }

    /// <summary>The trading state as the risk gate takes it, with a desk-wide sit-out reason when there is one.</summary>
    public async Task<DeskConditions> ConditionsAsync(string? sitOutReason = null, CancellationToken ct = default)
    {
        var state = await ReadAsync(ct).ConfigureAwait(false);
        return Conditions(state, sitOutReason);
    }

    /// <summary>The risk gate's conditions for a state (null: never observed, so active).</summary>
    public static DeskConditions Conditions(RiskState? state, string? sitOutReason) =>
        new(sitOutReason) { State = state?.State ?? TradingState.Active, StateReason = state?.Reason };

    /// <summary>Halts the desk for <paramref name="cause"/> (the kill switch): saved first, so nothing new starts; audited.</summary>
    public async Task<RiskState> HaltAsync(HaltCause cause, string reason, string actor, CancellationToken ct = default)
    {
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            var row = await context.RiskState.FirstOrDefaultAsync(r => r.Id == RiskStateEntity.SingletonId, ct).ConfigureAwait(false);
            RiskState current;
            if (row is null)
            {
                var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
                current = CircuitBreaker.Start(preset, (await portfolio.ReadAsync(ct).ConfigureAwait(false)).ToRiskState(), now);
                row = new RiskStateEntity { State = CircuitBreaker.Name(current.State) };
                context.RiskState.Add(row);
            }
            else
            {
                current = RiskStateStore.ToDomain(row);
            }

            var halted = CircuitBreaker.Halt(current, cause, reason, now);
            RiskStateStore.Write(row, halted);
            context.Audit.Add(Audit(now, actor, "risk.halt", reason, Describe(current), "halted"));
            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                continue;
            }

            LogHalted(logger, actor, reason);
            await events.PublishAsync(new RiskStateChanged(now, "halted", reason), ct).ConfigureAwait(false);
            return halted;
        }
    }

    /// <summary>An admin's resume of a halted desk (<see cref="CircuitBreaker.Resume"/>); null with the reason when it is not halted.</summary>
    public async Task<(RiskState? State, string? Refusal)> ResumeAsync(string actor, CancellationToken ct = default)
    {
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
            var book = (await portfolio.ReadAsync(ct).ConfigureAwait(false)).ToRiskState();
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            var row = await context.RiskState.FirstOrDefaultAsync(r => r.Id == RiskStateEntity.SingletonId, ct).ConfigureAwait(false);
            var current = row is null ? null : RiskStateStore.ToDomain(row);
            if (current is not { Halted: true })
            {
                return (current, $"the desk is {CircuitBreaker.Name(current?.State ?? TradingState.Active)}, not halted: there is nothing to resume");
            }

            var resumed = CircuitBreaker.Resume(current, preset, book, now);
            RiskStateStore.Write(row!, resumed);
            context.Audit.Add(Audit(now, actor, "risk.resume", $"resumed after: {current.Reason}", Describe(current), CircuitBreaker.Name(resumed.State)));
            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                continue;
            }

            LogResumed(logger, actor);
            await events.PublishAsync(new RiskStateChanged(now, CircuitBreaker.Name(resumed.State), resumed.Reason), ct).ConfigureAwait(false);
            return (resumed, null);
        }
    }

    /// <summary>An audit entry of a change from <paramref name="oldValue"/> to <paramref name="newValue"/>.</summary>
    public static AuditEntryEntity Audit(DateTimeOffset at, string actor, string action, string details, string? oldValue, string? newValue) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        Actor = actor,
        Action = action,
        Details = details,
        OldValue = Clip(oldValue),
        NewValue = Clip(newValue),
    };

    private static string Describe(RiskState state) =>
        state.Cause is { } cause ? $"{CircuitBreaker.Name(state.State)} ({CircuitBreaker.Name(cause)})" : CircuitBreaker.Name(state.State);

    private static string? Clip(string? value) => value is { Length: > 500 } ? value[..500] : value;

    private async Task CancelRestingAsync(CancellationToken ct)
    {
        try
        {
            var cancelled = await resting.CancelAllAsync(ct).ConfigureAwait(false);
            LogCancelled(logger, cancelled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The halt itself is saved: no new order goes out. What still rests is retried by the kill switch or shown by reconciliation.
            LogCancelFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker tripped, the desk is halted: {Reason}")]
    private static partial void LogTripped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk halted by {Actor}: {Reason}")]
    private static partial void LogHalted(ILogger logger, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk resumed by {Actor}")]
    private static partial void LogResumed(ILogger logger, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Halt: {Cancelled} resting order(s) cancelled")]
    private static partial void LogCancelled(ILogger logger, int cancelled);

    [LoggerMessage(Level = LogLevel.Error, Message = "Halt: resting orders could not all be cancelled")]
    private static partial void LogCancelFailed(ILogger logger, Exception ex);
}
