using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Risk;

/// <summary>Assembles <see cref="RiskReport"/> without changing anything.</summary>
public sealed class RiskReader(
    IDbContextFactory<DeskDbContext> db,
    PresetProvider presets,
    ExchangeHealth exchange,
    LearnedCalibration calibration)
{
    /// <summary>Entries the report lists.</summary>
    public const int AuditEntries = 50;

    /// <summary>The desk's risk as stored now; before the breaker's first look, active with no measures.</summary>
    public async Task<RiskReport> ReadAsync(CancellationToken ct = default)
    {
        var selection = await presets.GetSelectionAsync(ct).ConfigureAwait(false);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var state = await RiskStateStore.ReadAsync(context, ct).ConfigureAwait(false);
        var audit = await context.Audit.AsNoTracking()
            .Where(a => a.Action.StartsWith("risk."))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(AuditEntries)
            .Select(a => new AuditView(a.At, a.Actor, a.Action, a.Details, a.OldValue, a.NewValue))
            .ToListAsync(ct).ConfigureAwait(false);
        var limits = RiskLimits.All
            .Select(l => new LimitView(l.Name, l.Label, l.Unit, l.Read(selection.Effective), l.Read(selection.Preset), selection.Overrides.ContainsKey(l.Name)))
            .ToList();
        var sitOut = string.Join("; ", new[] { exchange.SitOutReason, calibration.SitOutReason }.Where(r => r is not null));
        var halted = state is { Halted: true };
        var daily = state?.Cause == HaltCause.DailyLoss;
        return new RiskReport(
            CircuitBreaker.Name(state?.State ?? TradingState.Active),
            state?.Reason,
            state?.Since,
            state?.Cause is { } cause ? CircuitBreaker.Name(cause) : null,
            daily ? NewYorkDay.StartOf(state!.TradingDay.AddDays(1)) : null,
            halted ? daily ? "the next New York day" : "an admin's resume" : null,
            sitOut.Length == 0 ? null : sitOut,
            selection.Preset.Name,
            limits,
            state is null ? null : BreakerMeasures.Of(state, selection.Effective),
            audit);
    }
}
