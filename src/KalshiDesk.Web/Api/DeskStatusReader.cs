using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Api;

/// <summary>Assembles <see cref="StatusResponse"/> for the API and the Overview page, every number from the book in force.</summary>
public sealed class DeskStatusReader(
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    DeskDatabases databases,
    PortfolioReader portfolio,
    PresetProvider presets,
    LearnedCalibration calibration,
    DeskModeStore modes,
    IOptions<KalshiOptions> kalshi)
{
    public async Task<StatusResponse> ReadAsync(CancellationToken ct = default)
    {
        // The mode shown and the book read are the same one.
        var mode = await modes.GetAsync(ct).ConfigureAwait(false);
        using var pin = books.Pin(mode.Book);
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pending = await context.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending, ct).ConfigureAwait(false);
        var last = await context.CycleRuns.AsNoTracking().OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var funnel = last is null
            ? null
            : new CycleFunnel(
                last.Id, last.StartedAt, last.FinishedAt, last.Scanned, last.Priced, last.WithEdge, last.Sized, last.RiskPassed, last.Proposed,
                JsonSerializer.Deserialize<Dictionary<string, int>>(last.SkipReasons) ?? [],
                last.TradingState,
                last.SitOut,
                JsonSerializer.Deserialize<Dictionary<string, GateCount>>(last.Gates, TradingCycle.GateJson) ?? []);
        var reconciliation = await ReconciliationAsync(context, mode, ct).ConfigureAwait(false);

        // One read of what was learned, so the state, its reason and the numbers beside them agree.
        var learned = calibration.Snapshot;

        // Halted or reducing (the circuit breaker's state) comes first; then a sit-out, from calibration now or from
        // the exchange as the last cycle found it.
        var risk = await RiskStateStore.ReadAsync(context, ct).ConfigureAwait(false);
        var (state, reason) = risk is { State: not TradingState.Active } held
            ? (CircuitBreaker.Name(held.State), held.Reason ?? string.Empty)
            : (learned.Rolling.Reason ?? last?.SitOut) is { } sitOut
            ? ("sitting out", sitOut)
            : ("active", last is null ? "waiting for the first cycle" : "trading within the preset's limits");
        return new StatusResponse(
            mode.Name,
            kalshi.Value.Environment.ToString().ToLowerInvariant(),
            preset.Name,
            state,
            reason,
            account.Equity,
            account.Cash,
            account.Exposure,
            account.Pnl,
            account.Positions.Count,
            pending,
            funnel,
            reconciliation,
            new CalibrationStatus(learned.SettledMarkets, learned.Rolling.Skill, learned.Rolling.Degraded),
            mode.Name,
            databases.For(mode.Book).Location,
            mode.HeldOnPaper);
    }

    private static async Task<ReconciliationStatus> ReconciliationAsync(DeskDbContext context, DeskModeState mode, CancellationToken ct)
    {
        if (!mode.IsLive)
        {
            return new ReconciliationStatus("paper trading: the desk's ledger is the record, nothing to reconcile", null, 0, []);
        }

        var run = await context.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (run is null)
        {
            return new ReconciliationStatus("waiting for the first reconciliation with the exchange", null, 0, []);
        }

        var recent = await context.ReconciliationDifferences.AsNoTracking().OrderByDescending(d => d.At).Take(10)
            .Select(d => d.Kind + " " + (d.Ticker ?? string.Empty) + ": desk " + d.Desk + ", exchange " + d.Exchange + "; " + d.Correction)
            .ToListAsync(ct).ConfigureAwait(false);
        var summary = run.Differences == 0
            ? $"ledger matches the exchange ({run.OrdersChecked} orders checked, {run.FillsImported} fills and {run.SettlementsImported} settlements imported)"
            : $"{run.Differences} difference(s) corrected toward the exchange";
        return new ReconciliationStatus(summary, run.FinishedAt ?? run.StartedAt, run.Differences, recent);
    }
}
