using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// The order group every live order belongs to, with the active preset's contracts limit: if the desk ever sends
/// orders without end, the exchange itself cancels them. A new group is made when the preset's limit changes.
/// </summary>
public sealed class LiveOrderGroups(IKalshiClient client, PresetProvider presets, IDbContextFactory<DeskDbContext> db, TimeProvider time)
{
    public const string SettingKey = "live.order_group";

    public async Task<string> EnsureAsync(CancellationToken ct = default)
    {
        var limit = (await presets.GetActiveAsync(ct).ConfigureAwait(false)).OrderGroupContractsLimit;
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stored = await context.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct).ConfigureAwait(false);
        var parts = stored?.Value.Split('|', 2);
        if (parts is [var id, var storedLimit] && decimal.Parse(storedLimit, CultureInfo.InvariantCulture) == limit)
        {
            return id;
        }

        var created = await client.CreateOrderGroupAsync(Quantity.Of(limit), ct).ConfigureAwait(false);
        var value = string.Create(CultureInfo.InvariantCulture, $"{created}|{limit}");
        if (stored is null)
        {
            context.Settings.Add(new DeskSettingEntity { Key = SettingKey, Value = value, UpdatedAt = time.GetUtcNow() });
        }
        else
        {
            stored.Value = value;
            stored.UpdatedAt = time.GetUtcNow();
        }

        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        return created;
    }
}
