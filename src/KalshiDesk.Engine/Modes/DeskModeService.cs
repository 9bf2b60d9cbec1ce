using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// The audited switch between paper and live trading. Going live needs configuration to allow it
/// (<c>Trading:Mode=Live</c>), the confirmation typed exactly as <see cref="Confirmation"/>, a Kalshi key, and every one
/// of the doctor's checks passing at that moment; each refusal names what is missing. Going back to paper always
/// succeeds. The switch is stored in the main database, so it holds across restarts while configuration still allows
/// it. Every switch and every refused attempt is written to the main database's audit (who, when, from what to what)
/// and published as <see cref="DeskModeChanged"/>. Whether the person may switch at all (admins only) is the caller's to
/// check.
/// </summary>
public sealed partial class DeskModeService(
    DeskModeStore store,
    IDeskReadiness readiness,
    IOptions<KalshiOptions> kalshi,
    DeskControlDb db,
    IDeskEvents events,
    TimeProvider time,
    ILogger<DeskModeService> logger)
{
    /// <summary>What an admin types to go live: exactly this, capitals included.</summary>
    public const string Confirmation = "LIVE";

    /// <summary>Audit actions.</summary>
    public const string LiveAction = "mode.live";
    public const string PaperAction = "mode.paper";
    public const string RefusedAction = "mode.live.refused";

    /// <summary>Why going live is refused while configuration says <c>Trading:Mode=Paper</c>.</summary>
    public const string OffInConfiguration = "live trading is off in configuration: set Trading:Mode=Live and restart";

    // Two admins switching at the same moment: the loser re-reads and finds the mode already switched.
    private const int Attempts = 3;

    /// <summary>The mode in force (cached for display).</summary>
    public Task<DeskModeState> GetAsync(CancellationToken ct = default) => store.GetAsync(ct);

    /// <summary>The API key's status, never the key itself.</summary>
    public KalshiKeyStatus KeyStatus() => DeskChecks.KeyStatus(kalshi.Value);

    /// <summary>Whether configuration allows live trading, as a precondition.</summary>
    public DeskCheck ConfigurationGate() => store.LiveAllowed
        ? DeskCheck.Ok("Trading:Mode", "Live: configuration allows live trading")
        : DeskCheck.Fail("Trading:Mode", OffInConfiguration, null);

    /// <summary>
    /// The preconditions of going live, checked now: configuration's <c>Trading:Mode</c>, a Kalshi key, then each of the
    /// doctor's checks.
    /// </summary>
    public async Task<IReadOnlyList<DeskCheck>> PreconditionsAsync(CancellationToken ct = default)
    {
        var checks = new List<DeskCheck> { ConfigurationGate(), KeyStatus().AsCheck() };
        checks.AddRange(await readiness.CheckAsync(ct).ConfigureAwait(false));
        return checks;
    }

    /// <summary>
    /// Switches the desk to live trading for <paramref name="actor"/>, who typed <paramref name="confirmation"/>; a desk
    /// already live is left as it is.
    /// </summary>
    public async Task<DeskModeChange> GoLiveAsync(string actor, string? confirmation, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var current = await store.ReadAsync(ct).ConfigureAwait(false);
        if (current.IsLive)
        {
            return new DeskModeChange(ModeChangeOutcome.Unchanged, current, null, []);
        }

        // Configuration first: with Trading:Mode=Paper no confirmation or key makes the desk live.
        if (ConfigurationGate() is { Passed: false } gate)
        {
            return await RefuseAsync(actor, ModeChangeOutcome.NotReady, gate.Reason, [gate], ct).ConfigureAwait(false);
        }

        if (!string.Equals(confirmation, Confirmation, StringComparison.Ordinal))
        {
            var typed = string.IsNullOrEmpty(confirmation)
                ? "nothing was typed"
                : $"'{(confirmation.Length > 20 ? confirmation[..20] + "…" : confirmation)}' was typed";
            return await RefuseAsync(actor, ModeChangeOutcome.NotConfirmed, $"type {Confirmation} exactly to confirm going live: {typed}", [], ct).ConfigureAwait(false);
        }

        var checks = await PreconditionsAsync(ct).ConfigureAwait(false);
        var failed = checks.Where(c => !c.Passed).ToList();
        if (failed.Count > 0)
        {
            return await RefuseAsync(actor, ModeChangeOutcome.NotReady, string.Join("; ", failed.Select(c => c.Reason)), checks, ct).ConfigureAwait(false);
        }

        return await SwitchAsync(TradingMode.Live, actor, checks, ct).ConfigureAwait(false);
    }

    /// <summary>Switches the desk back to paper trading: nothing to check, it always succeeds.</summary>
    public Task<DeskModeChange> GoPaperAsync(string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return SwitchAsync(TradingMode.Paper, actor, [], ct);
    }

    private async Task<DeskModeChange> SwitchAsync(TradingMode target, string actor, IReadOnlyList<DeskCheck> checks, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            var row = await context.DeskMode.FirstOrDefaultAsync(m => m.Id == DeskModeEntity.SingletonId, ct).ConfigureAwait(false);
            var before = store.State(row);
            if (before.Switched == target)
            {
                store.Invalidate();
                return new DeskModeChange(ModeChangeOutcome.Unchanged, before, null, checks);
            }

            if (row is null)
            {
                row = new DeskModeEntity { Mode = DeskModeStore.Name(target), ChangedAt = now, ChangedBy = actor, Version = 1 };
                context.DeskMode.Add(row);
            }
            else
            {
                row.Mode = DeskModeStore.Name(target);
                row.ChangedAt = now;
                row.ChangedBy = actor;
                row.Version++;
            }

            // The switch recorded is the stored one: a desk held on paper by configuration was switched live.
            var action = target == TradingMode.Live ? LiveAction : PaperAction;
            var from = DeskModeStore.Name(before.Switched);
            var held = before.HeldOnPaper is null ? string.Empty : " (configuration held it on paper)";
            context.Audit.Add(RiskMonitor.Audit(now, actor, action, $"trading mode {from}{held} → {DeskModeStore.Name(target)}", from, DeskModeStore.Name(target)));
            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                continue;
            }

            store.Invalidate();
            var after = store.State(row);
            LogSwitched(logger, from, after.Name, actor);
            await events.PublishAsync(new DeskModeChanged(now, after.Name, actor), ct).ConfigureAwait(false);
            return new DeskModeChange(ModeChangeOutcome.Changed, after, null, checks);
        }
    }

    private async Task<DeskModeChange> RefuseAsync(string actor, ModeChangeOutcome outcome, string reason, IReadOnlyList<DeskCheck> checks, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var current = await store.ReadAsync(ct).ConfigureAwait(false);
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            context.Audit.Add(RiskMonitor.Audit(now, actor, RefusedAction, $"trading mode {current.Name} → live refused: {reason}", current.Name, current.Name));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        LogRefused(logger, actor, reason);
        await events.PublishAsync(new DeskModeChanged(now, current.Name, actor, reason), ct).ConfigureAwait(false);
        return new DeskModeChange(outcome, current, reason, checks);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading mode switched from {Before} to {After} by {Actor}")]
    private static partial void LogSwitched(ILogger logger, string before, string after, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Actor} tried to go live and was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string actor, string reason);
}
