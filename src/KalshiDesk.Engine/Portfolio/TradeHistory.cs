using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Risk;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>
/// The desk's orders, fills and settlements, newest first, a page at a time, with each market's title. Sorting and
/// paging run in the database; sums run in memory (SQLite cannot add decimals exactly).
/// </summary>
public sealed class TradeHistory(IDbContextFactory<DeskDbContext> db)
{
    public async Task<OrdersPage> ReadOrdersAsync(TradeQuery query, CancellationToken ct = default)
    {
        Check(query);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var orders = context.Orders.AsNoTracking().Where(o => query.Ticker == null || o.Ticker == query.Ticker);
        var total = await orders.CountAsync(ct).ConfigureAwait(false);
        var page = await Page(orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id), query).ToListAsync(ct).ConfigureAwait(false);

        var ids = page.Select(o => o.Id).ToList();
        var fills = (await context.Fills.AsNoTracking().Where(f => ids.Contains(f.OrderId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(f => f.OrderId);
        var titles = await TitlesAsync(context, page.Select(o => o.Ticker), page.Select(o => o.ProposalId), ct).ConfigureAwait(false);
        var views = page.Select(o => ToView(o, [.. fills[o.Id]], titles.Of(o.Ticker, o.ProposalId))).ToList();
        return new OrdersPage(total, query.Offset, query.Limit, views);
    }

    public async Task<FillsPage> ReadFillsAsync(TradeQuery query, CancellationToken ct = default)
    {
        Check(query);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var fills = context.Fills.AsNoTracking().Where(f => query.Ticker == null || f.Ticker == query.Ticker);
        var total = await fills.CountAsync(ct).ConfigureAwait(false);
        var page = await Page(fills.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id), query).ToListAsync(ct).ConfigureAwait(false);

        var orderIds = page.Select(f => f.OrderId).Distinct().ToList();
        var orders = await context.Orders.AsNoTracking()
            .Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ClientOrderId, o.Broker, o.ProposalId })
            .ToDictionaryAsync(o => o.Id, ct).ConfigureAwait(false);
        var titles = await TitlesAsync(context, page.Select(f => f.Ticker), orders.Values.Select(o => o.ProposalId), ct).ConfigureAwait(false);
        var views = page.Select(f =>
        {
            var order = orders.GetValueOrDefault(f.OrderId);
            return ToView(f, order?.ClientOrderId, order?.Broker, titles.Of(f.Ticker, order?.ProposalId));
        }).ToList();
        return new FillsPage(total, query.Offset, query.Limit, views);
    }

    public async Task<SettlementsPage> ReadSettlementsAsync(TradeQuery query, CancellationToken ct = default)
    {
        Check(query);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var settlements = context.Settlements.AsNoTracking().Where(s => query.Ticker == null || s.Ticker == query.Ticker);
        var total = await settlements.CountAsync(ct).ConfigureAwait(false);
        var page = await Page(settlements.OrderByDescending(s => s.SettledAt).ThenByDescending(s => s.Id), query).ToListAsync(ct).ConfigureAwait(false);
        var titles = await TitlesAsync(context, page.Select(s => s.Ticker), [], ct).ConfigureAwait(false);
        var views = page.Select(s => new SettlementView(
            s.Id, s.Ticker, s.EventTicker, titles.Of(s.Ticker, null), s.Result, s.SettledAt, s.YesCount, s.NoCount, s.Revenue, s.Cost, s.Fee, s.Revenue - s.Cost - s.Fee)).ToList();
        return new SettlementsPage(total, query.Offset, query.Limit, views);
    }

    /// <summary>Whether <paramref name="clientOrderId"/> is a kill-switch exit: a sell of the side held, stored as a buy of the other.</summary>
    public static bool IsExit(string? clientOrderId) => clientOrderId?.StartsWith(KillSwitch.ExitOrderPrefix, StringComparison.Ordinal) == true;

    public static string Opposite(string side) => side == "yes" ? "no" : "yes";

    private static OrderView ToView(OrderEntity o, List<FillEntity> fills, string title)
    {
        var exit = IsExit(o.ClientOrderId);
        var filled = fills.Sum(f => f.Count);
        decimal? average = filled == 0m ? null : decimal.Round(fills.Sum(f => f.Price * f.Count) / filled, 6);
        return new OrderView(
            o.Id,
            o.ProposalId,
            o.ClientOrderId,
            o.ExchangeOrderId,
            o.Ticker,
            title,
            exit ? Opposite(o.Side) : o.Side,
            exit ? "sell" : "buy",
            exit ? 1m - o.LimitPrice : o.LimitPrice,
            o.Count,
            o.Filled,
            exit && average is { } paid ? 1m - paid : average,
            fills.Sum(f => f.Fee),
            o.Status,
            o.Broker,
            o.CreatedAt,
            o.ExpiresAt,
            fills.Count == 0 ? null : fills.Max(f => f.CreatedAt));
    }

    private static FillView ToView(FillEntity f, string? clientOrderId, string? broker, string title)
    {
        var exit = IsExit(clientOrderId);
        var price = exit ? 1m - f.Price : f.Price;
        return new FillView(
            f.Id,
            f.OrderId,
            clientOrderId,
            f.ExchangeFillId,
            f.Ticker,
            title,
            exit ? Opposite(f.Side) : f.Side,
            exit ? "sell" : "buy",
            price,
            f.Count,
            decimal.Round(price * f.Count, 6),
            f.Fee,
            f.IsTaker ? "taker" : "maker",
            broker,
            f.CreatedAt);
    }

    private static IQueryable<T> Page<T>(IQueryable<T> ordered, TradeQuery query)
    {
        var skipped = query.Offset > 0 ? ordered.Skip(query.Offset) : ordered;
        return query.Limit is { } limit ? skipped.Take(limit) : skipped;
    }

    private static void Check(TradeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query));
        if (query.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(query));
        }
    }

    /// <summary>Each market's title: the proposal's where there is one, else the position's (kept after it closes).</summary>
    private static async Task<Titles> TitlesAsync(DeskDbContext context, IEnumerable<string> tickers, IEnumerable<Guid?> proposalIds, CancellationToken ct)
    {
        var wanted = tickers.Distinct(StringComparer.Ordinal).ToList();
        var proposals = proposalIds.OfType<Guid>().Distinct().ToList();
        var byProposal = proposals.Count == 0
            ? []
            : await context.Proposals.AsNoTracking().Where(p => proposals.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false);
        var byTicker = (await context.Positions.AsNoTracking().Where(p => wanted.Contains(p.Ticker)).Select(p => new { p.Ticker, p.Title }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => p.Ticker, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return new Titles(byProposal, byTicker);
    }

    private sealed record Titles(Dictionary<Guid, string> ByProposal, Dictionary<string, string> ByTicker)
    {
        public string Of(string ticker, Guid? proposalId) =>
            proposalId is { } id && ByProposal.TryGetValue(id, out var title) ? title : ByTicker.GetValueOrDefault(ticker) ?? string.Empty;
    }
}
