using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>The preset in force: the one chosen at run time (stored), else <c>Trading:Preset</c>.</summary>
public sealed class PresetProvider(IDbContextFactory<DeskDbContext> db, IOptions<TradingOptions> options)
{
    public const string SettingKey = "risk.preset";

    public async Task<RiskPreset> GetActiveAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stored = await context.Settings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return RiskPresets.TryGet(stored, out var preset) ? preset : RiskPresets.Get(options.Value.Preset);
    }
}
