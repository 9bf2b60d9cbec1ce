using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// A person's changes to the limits: the preset switch and per-limit overrides, each stored in <c>settings</c> and
/// audited with who, when, and the value before and after. The desk looks at itself again right after, so a switch to
/// a tighter preset shows as reducing at once. It also reads every preset as a switch would enforce it, for the Risk
/// page's comparison.
/// </summary>
public sealed class RiskSettings(
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    PresetProvider presets,
    RiskMonitor monitor,
    IDeskEvents events,
    TimeProvider time)
{
    /// <summary>Makes <paramref name="name"/> the preset in force.</summary>
    public async Task<RiskSettingResult> SwitchPresetAsync(string? name, string actor, CancellationToken ct = default)
    {
        // Risk settings belong to the book in force; the one read is the one changed.
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        if (!RiskPresets.TryGet(name, out var preset))
        {
            return RiskSettingResult.Refused($"Unknown preset '{name}'; use conservative, balanced or aggressive.");
        }

        var before = (await presets.GetSelectionAsync(ct).ConfigureAwait(false)).Preset;
        if (before.Name == preset.Name)
        {
            return new RiskSettingResult(true, null, false);
        }

        var now = time.GetUtcNow();
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await UpsertAsync(context, PresetProvider.SettingKey, preset.Name, now, ct).ConfigureAwait(false);
            context.Audit.Add(RiskMonitor.Audit(now, actor, "risk.preset", $"preset {before.Name} → {preset.Name}", before.Name, preset.Name));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await ChangedAsync(now, ct).ConfigureAwait(false);
        return new RiskSettingResult(true, null, true);
    }

    /// <summary>Overrides one limit (<see cref="RiskLimits"/>) of the preset in force.</summary>
    public async Task<RiskSettingResult> SetOverrideAsync(string? limitName, decimal value, string actor, CancellationToken ct = default)
    {
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        if (!RiskLimits.TryGet(limitName, out var limit))
        {
            return RiskSettingResult.Refused($"Unknown limit '{limitName}'; use one of {string.Join(", ", RiskLimits.All.Select(l => l.Name))}.");
        }

        if (limit.Validate(value) is { } invalid)
        {
            return RiskSettingResult.Refused(invalid + ".");
        }

        var selection = await presets.GetSelectionAsync(ct).ConfigureAwait(false);
        var old = limit.Read(selection.Effective);
        if (selection.Overrides.TryGetValue(limit.Name, out var current) && current == value)
        {
            return new RiskSettingResult(true, null, false);
        }

        var now = time.GetUtcNow();
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            await UpsertAsync(context, PresetProvider.OverrideKey(selection.Preset.Name, limit.Name), text, now, ct).ConfigureAwait(false);
            context.Audit.Add(RiskMonitor.Audit(now, actor, "risk.override", $"{selection.Preset.Name} {limit.Name} {Text(old)} → {text} ({limit.Unit})", Text(old), text));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await ChangedAsync(now, ct).ConfigureAwait(false);
        return new RiskSettingResult(true, null, true);
    }

    /// <summary>Removes an override: the preset's own value applies again.</summary>
    public async Task<RiskSettingResult> ClearOverrideAsync(string? limitName, string actor, CancellationToken ct = default)
    {
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        if (!RiskLimits.TryGet(limitName, out var limit))
        {
            return RiskSettingResult.Refused($"Unknown limit '{limitName}'; use one of {string.Join(", ", RiskLimits.All.Select(l => l.Name))}.");
        }

        var selection = await presets.GetSelectionAsync(ct).ConfigureAwait(false);
        if (!selection.Overrides.TryGetValue(limit.Name, out var current))
        {
            return new RiskSettingResult(true, null, false);
        }

        var now = time.GetUtcNow();
        var restored = Text(limit.Read(selection.Preset));
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var key = PresetProvider.OverrideKey(selection.Preset.Name, limit.Name);
            await context.Settings.Where(s => s.Key == key).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            context.Audit.Add(RiskMonitor.Audit(now, actor, "risk.override", $"{selection.Preset.Name} {limit.Name} {Text(current)} → {restored} (override removed; the preset's value)", Text(current), restored));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await ChangedAsync(now, ct).ConfigureAwait(false);
        return new RiskSettingResult(true, null, true);
    }

    /// <summary>
    /// Every preset as a switch to it would enforce it, in the preset table's order: the table's values with the
    /// overrides stored for that preset (each preset keeps its own). A stored value out of range is ignored, as
    /// <see cref="PresetProvider"/> ignores it.
    /// </summary>
    public async Task<IReadOnlyList<PresetSelection>> ReadPresetsAsync(CancellationToken ct = default)
    {
        List<DeskSettingEntity> stored;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            stored = await context.Settings.AsNoTracking()
                .Where(s => s.Key.StartsWith(PresetProvider.OverridePrefix))
                .ToListAsync(ct).ConfigureAwait(false);
        }

        return [.. RiskPresets.All.Select(preset => Selection(preset, stored))];
    }

    private static PresetSelection Selection(RiskPreset preset, List<DeskSettingEntity> stored)
    {
        var prefix = PresetProvider.OverrideKey(preset.Name, string.Empty);
        var overrides = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var setting in stored.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (RiskLimits.TryGet(setting.Key[prefix.Length..], out var limit)
                && decimal.TryParse(setting.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                && limit.Validate(value) is null)
            {
                overrides[limit.Name] = value;
            }
        }

        return new PresetSelection(preset, overrides, RiskLimits.Apply(preset, overrides));
    }

    private static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static async Task UpsertAsync(DeskDbContext context, string key, string value, DateTimeOffset now, CancellationToken ct)
    {
        var row = await context.Settings.FirstOrDefaultAsync(s => s.Key == key, ct).ConfigureAwait(false);
        if (row is null)
        {
            context.Settings.Add(new DeskSettingEntity { Key = key, Value = value, UpdatedAt = now });
        }
        else
        {
            row.Value = value;
            row.UpdatedAt = now;
        }
    }

    private async Task ChangedAsync(DateTimeOffset now, CancellationToken ct)
    {
        // The limits changed: the state follows at once (a tighter cap may leave the book reducing).
        var state = await monitor.ObserveAsync(ct).ConfigureAwait(false);
        await events.PublishAsync(new RiskStateChanged(now, CircuitBreaker.Name(state.State), state.Reason), ct).ConfigureAwait(false);
    }
}
