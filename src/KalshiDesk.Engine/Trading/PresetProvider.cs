using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>
/// The preset in force: the one chosen at run time (stored), else <c>Trading:Preset</c>, with the overrides a person
/// set for that preset (stored per preset, so each keeps its own) applied.
/// </summary>
public sealed class PresetProvider(IDbContextFactory<DeskDbContext> db, IOptions<TradingOptions> options)
{
    public const string SettingKey = "risk.preset";

    /// <summary>Overrides are stored as <c>risk.override.{preset}.{limit}</c> = the value, invariant culture.</summary>
    public const string OverridePrefix = "risk.override.";

    /// <summary>The preset's limits as enforced: the table's values with this preset's overrides.</summary>
    public async Task<RiskPreset> GetActiveAsync(CancellationToken ct = default) =>
        (await GetSelectionAsync(ct).ConfigureAwait(false)).Effective;

    /// <summary>The preset chosen, its overrides and the limits they make.</summary>
    public async Task<PresetSelection> GetSelectionAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stored = await context.Settings.AsNoTracking()
            .Where(s => s.Key == SettingKey || s.Key.StartsWith(OverridePrefix))
            .Select(s => new { s.Key, s.Value })
            .ToListAsync(ct).ConfigureAwait(false);
        var chosen = stored.FirstOrDefault(s => s.Key == SettingKey)?.Value;
        var preset = RiskPresets.TryGet(chosen, out var found) ? found : RiskPresets.Get(options.Value.Preset);
        var prefix = OverridePrefix + preset.Name + ".";
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

    /// <summary>The settings key of an override of <paramref name="limit"/> under <paramref name="preset"/>.</summary>
    public static string OverrideKey(string preset, string limit) => OverridePrefix + preset + "." + limit;
}
