using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// Reads the desk's mode from <c>desk_mode</c> (one row), or <c>Trading:Mode</c> while the desk has never been switched.
/// Reads for display (the banner, the status) are cached for <see cref="CacheFor"/> and dropped the moment this process
/// switches; the reads that decide where an order goes or whether the paper book is swept are always fresh, so every
/// instance acts on the mode in force.
/// </summary>
public sealed class DeskModeStore(IDbContextFactory<DeskDbContext> db, IOptions<TradingOptions> options, TimeProvider time)
{
    /// <summary>How long a display read may be reused; another instance's switch shows within it.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private Cached? _cached;

    /// <summary>The mode, cached for display.</summary>
    public async Task<DeskModeState> GetAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _cached) is { } cached && now < cached.Until)
        {
            return cached.State;
        }

        var state = await ReadAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _cached, new Cached(state, now + CacheFor));
        return state;
    }

    /// <summary>The mode as the database has it now.</summary>
    public async Task<DeskModeState> ReadAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await context.DeskMode.AsNoTracking().FirstOrDefaultAsync(m => m.Id == DeskModeEntity.SingletonId, ct).ConfigureAwait(false);
        return State(row);
    }

    /// <summary>The mode as the database has it now, for callers that cannot wait (a broker's name).</summary>
    public DeskModeState Read()
    {
        using var context = db.CreateDbContext();
        return State(context.DeskMode.AsNoTracking().FirstOrDefault(m => m.Id == DeskModeEntity.SingletonId));
    }

    /// <summary>paper or live.</summary>
    public static string Name(TradingMode mode) => mode == TradingMode.Live ? "live" : "paper";

    /// <summary>The mode a stored name stands for; anything but live is paper, the safe side.</summary>
    public static TradingMode Parse(string? name) =>
        string.Equals(name, "live", StringComparison.OrdinalIgnoreCase) ? TradingMode.Live : TradingMode.Paper;

    /// <summary>Drops the cached mode: the next display read goes to the database.</summary>
    internal void Invalidate() => Volatile.Write(ref _cached, null);

    /// <summary>The mode a stored row records, or the configured one without a row.</summary>
    internal DeskModeState State(DeskModeEntity? row) =>
        row is null ? new DeskModeState(options.Value.Mode, null, null) : new DeskModeState(Parse(row.Mode), row.ChangedAt, row.ChangedBy);

    private sealed record Cached(DeskModeState State, DateTimeOffset Until);
}
