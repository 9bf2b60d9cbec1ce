using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// Reads the desk's mode from <c>desk_mode</c> (one row, in the main database). The desk trades live only when an admin
/// switched it live (the row) and configuration allows it (<c>Trading:Mode=Live</c>); without a row, or with
/// <c>Trading:Mode=Paper</c>, it trades paper: configuration gates live trading, it never starts it. Reads for display
/// (the banner, the status) are cached for <see cref="CacheFor"/> and dropped the moment this process switches; the reads
/// that decide where an order goes and which book the desk works on are always fresh, so every instance acts on the mode
/// in force.
/// </summary>
public sealed class DeskModeStore(DeskControlDb db, IOptions<TradingOptions> options, TimeProvider time)
{
    /// <summary>How long a display read may be reused; another instance's switch shows within it.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private Cached? _cached;

    /// <summary>Whether configuration allows live trading: <c>Trading:Mode=Live</c>, read at start.</summary>
    public bool LiveAllowed => options.Value.Mode == TradingMode.Live;

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

    /// <summary>The mode in force for a stored row (paper without one), gated by configuration.</summary>
    internal DeskModeState State(DeskModeEntity? row)
    {
        var switched = row is null ? TradingMode.Paper : Parse(row.Mode);
        var mode = switched == TradingMode.Live && LiveAllowed ? TradingMode.Live : TradingMode.Paper;
        return new DeskModeState(mode, row?.ChangedAt, row?.ChangedBy, LiveAllowed, switched);
    }

    private sealed record Cached(DeskModeState State, DateTimeOffset Until);
}
