using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Risk;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>
/// The equity curve from the cycles' snapshots, the P&amp;L of each New York day, and the account's totals now. Days are
/// America/New_York calendar days (<see cref="NewYorkDay"/>), the days the daily loss limit counts in.
/// </summary>
public sealed class PnlReader(IDbContextFactory<DeskDbContext> db, PortfolioReader portfolio)
{
    /// <summary>Points of the curve unless asked otherwise.</summary>
    public const int DefaultPoints = 1000;

    /// <summary>The most points one read may ask for.</summary>
    public const int MaxPoints = 10_000;

    /// <summary>The longest window one read covers: a year and a day.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    private const string Fee = "fee";
    private const string Buy = "buy";
    private const string Sell = "sell";

    /// <summary>The curve from <paramref name="from"/> to <paramref name="to"/> (both included), and every New York day they touch, whole.</summary>
    public async Task<PnlReport> ReadAsync(DateTimeOffset from, DateTimeOffset to, int points = DefaultPoints, CancellationToken ct = default)
    {
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The window must end after it starts.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        var start = NewYorkDay.StartOf(NewYorkDay.Of(from)).ToUniversalTime();
        var end = NewYorkDay.NextStart(to).ToUniversalTime();

        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var snapshots = await context.EquitySnapshots.AsNoTracking()
            .Where(s => s.At >= start && s.At < end)
            .OrderBy(s => s.At)
            .Select(s => new EquityPoint(s.At, s.Equity))
            .ToListAsync(ct).ConfigureAwait(false);
        var fees = await context.Ledger.AsNoTracking().Where(l => l.Kind == Fee).Select(l => new { l.At, l.Amount }).ToListAsync(ct).ConfigureAwait(false);
        var settled = await context.Settlements.AsNoTracking()
            .Where(s => s.SettledAt >= start && s.SettledAt < end)
            .Select(s => new { s.SettledAt, s.Revenue, s.Cost, s.Fee })
            .ToListAsync(ct).ConfigureAwait(false);
        var exits = (await ExitsAsync(context, start, end, ct).ConfigureAwait(false)).Where(e => e.At >= start && e.At < end).ToList();

        // A day opens at the equity the previous measured day closed at, so a move between two cycles across midnight
        // counts in the day it ended in and the days add up to the whole change; the very first day opens at its first cycle.
        var previousClose = await context.EquitySnapshots.AsNoTracking()
            .Where(s => s.At < start)
            .OrderByDescending(s => s.At)
            .Select(s => (decimal?)s.Equity)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);

        var snapshotsByDay = snapshots.ToLookup(s => NewYorkDay.Of(s.At));
        var feesByDay = fees.Where(f => f.At >= start && f.At < end).ToLookup(f => NewYorkDay.Of(f.At), f => -f.Amount);
        var realizedByDay = settled.Select(s => (Day: NewYorkDay.Of(s.SettledAt), Pnl: s.Revenue - s.Cost - s.Fee))
            .Concat(exits.Select(e => (Day: NewYorkDay.Of(e.At), e.Pnl)))
            .ToLookup(r => r.Day, r => r.Pnl);
        var days = snapshotsByDay.Select(g => g.Key).Union(feesByDay.Select(g => g.Key)).Union(realizedByDay.Select(g => g.Key)).Order()
            .Select(day =>
            {
                var measured = snapshotsByDay[day].ToList();
                decimal? open = measured.Count == 0 ? null : previousClose ?? measured[0].Equity;
                decimal? close = measured.Count == 0 ? null : measured[^1].Equity;
                previousClose = close ?? previousClose;
                return new DailyPnl(day, open, close, close - open, realizedByDay[day].Sum(), feesByDay[day].Sum(), measured.Count);
            })
            .ToList();

        var window = snapshots.Where(s => s.At >= from && s.At <= to).ToList();
        var totals = new PnlTotals(account.Equity, account.Cash, account.Exposure, account.Deposits, account.Pnl, account.RealizedPnl, account.UnrealizedPnl, -fees.Sum(f => f.Amount));
        return new PnlReport(from, to, window.Count, EquityCurve.Thin(window, points), days, totals);
    }

    /// <summary>
    /// The kill switch's exits with fills in [<paramref name="start"/>, <paramref name="end"/>), priced at average cost
    /// by replaying every order of their markets from the ledger (what each cost, brought in and paid in fees).
    /// </summary>
    private static async Task<IReadOnlyList<RealizedExit>> ExitsAsync(DeskDbContext context, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var prefix = KillSwitch.ExitOrderPrefix;
        var tickers = await (
                from fill in context.Fills
                join order in context.Orders on fill.OrderId equals order.Id
                where order.ClientOrderId.StartsWith(prefix) && fill.CreatedAt >= start && fill.CreatedAt < end
                select fill.Ticker)
            .Distinct()
            .ToListAsync(ct).ConfigureAwait(false);
        if (tickers.Count == 0)
        {
            return [];
        }

        var orders = await context.Orders.AsNoTracking().Where(o => tickers.Contains(o.Ticker)).Select(o => new { o.Id, o.Ticker, o.Side, o.ClientOrderId }).ToListAsync(ct).ConfigureAwait(false);
        var fills = (await context.Fills.AsNoTracking().Where(f => tickers.Contains(f.Ticker)).Select(f => new { f.OrderId, f.Count, f.CreatedAt }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(f => f.OrderId);
        var ledger = (await context.Ledger.AsNoTracking().Where(l => l.OrderId != null && tickers.Contains(l.Ticker!)).Select(l => new { l.OrderId, l.Kind, l.Amount }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(l => l.OrderId!.Value);
        var booked = orders
            .Where(o => fills[o.Id].Any())
            .Select(o =>
            {
                var exit = TradeHistory.IsExit(o.ClientOrderId);
                var entries = ledger[o.Id].ToList();
                return new BookedOrder(
                    o.Ticker,
                    exit ? TradeHistory.Opposite(o.Side) : o.Side,
                    exit,
                    fills[o.Id].Sum(f => f.Count),
                    exit ? entries.Where(l => l.Kind == Sell).Sum(l => l.Amount) : -entries.Where(l => l.Kind == Buy).Sum(l => l.Amount),
                    -entries.Where(l => l.Kind == Fee).Sum(l => l.Amount),
                    fills[o.Id].Max(f => f.CreatedAt));
            });
        return ExitPnl.Realize(booked);
    }
}
