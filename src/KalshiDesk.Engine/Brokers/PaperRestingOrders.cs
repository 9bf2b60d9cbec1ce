using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Brokers;

/// <summary>
/// The paper exchange's resting bids (maker-route orders the book did not fill at once). A bid fills, whole, at its
/// limit with the maker fee once later market data crosses it (the side's ask at or below the limit: a YES ask ≤ the
/// limit for a YES bid, 1 − the YES bid for a NO bid); it is cancelled at its expiry, or when its market stops trading
/// (Kalshi cancels resting orders of a paused market when it reopens, and of a closed one). Each fill is booked as any
/// fill is: contracts at cost into the position, cost and fee out of cash, so the ledger stays balanced. Its proposal,
/// approved while the bid rests, ends executed (anything filled) or failed (nothing filled).
/// </summary>
public sealed partial class PaperRestingOrders(IDbContextFactory<DeskDbContext> db, DeskBooks books, MarketFeed feed, IDeskEvents events, TimeProvider time, ILogger<PaperRestingOrders> logger)
{
    /// <summary>Fills or ends every resting paper order against <paramref name="markets"/> (others are read from the feed).</summary>
    /// <returns>How many orders filled or ended.</returns>
    public async Task<int> SweepAsync(IReadOnlyList<MarketSnapshot>? markets = null, CancellationToken ct = default)
    {
        // Paper orders rest in the paper book only.
        using var pin = books.Pin(DeskBook.Paper);
        List<OrderEntity> resting;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            resting = await context.Orders.AsNoTracking().Where(o => o.Broker == "paper" && o.Status == OrderStatuses.Resting).ToListAsync(ct).ConfigureAwait(false);
        }

        if (resting.Count == 0)
        {
            return 0;
        }

        var known = (markets ?? []).ToDictionary(m => m.Ticker, StringComparer.Ordinal);
        var changed = 0;
        foreach (var order in resting)
        {
            var now = time.GetUtcNow();
            if (order.ExpiresAt is { } expiry && expiry <= now)
            {
                changed += await EndAsync(order, "expired", ct).ConfigureAwait(false);
                continue;
            }

            if (!known.TryGetValue(order.Ticker, out var market))
            {
                try
                {
                    market = await feed.GetMarketAsync(order.Ticker, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException)
                {
                    // No market data, no fill: the order keeps resting until data comes or it expires.
                    LogMarketUnavailable(logger, ex, order.Ticker);
                    continue;
                }
            }

            if (market.Status != MarketStatus.Active)
            {
                changed += await EndAsync(order, $"was cancelled: the market is {market.Status.ToString().ToLowerInvariant()}", ct).ConfigureAwait(false);
                continue;
            }

            var side = order.Side == "yes" ? Side.Yes : Side.No;
            if (market.AskFor(side) is { } ask && ask.Dollars <= order.LimitPrice)
            {
                changed += await FillAsync(order, market.Fees, ct).ConfigureAwait(false);
            }
        }

        return changed;
    }

    private async Task<int> FillAsync(OrderEntity order, FeeSchedule fees, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var count = Quantity.Of(order.Count - order.Filled);
        var price = Price.FromDollars(order.LimitPrice);
        var cost = count.Contracts * price.Dollars;
        var fee = KalshiFeeModel.MakerFee(price, count, fees).Dollars;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await using var tx = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);

            // Claimed first, so two sweeps at once fill it once.
            var claimed = await context.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatuses.Resting)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Executed).SetProperty(o => o.Filled, order.Count), ct)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                return 0;
            }

            var proposal = order.ProposalId is { } proposalId
                ? await context.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct).ConfigureAwait(false)
                : null;
            context.Fills.Add(new FillEntity
            {
                Id = Guid.CreateVersion7(now),
                OrderId = order.Id,
                Ticker = order.Ticker,
                Side = order.Side,
                Price = price.Dollars,
                Count = count.Contracts,
                Fee = fee,
                IsTaker = false,
                CreatedAt = now,
            });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "buy", Amount = -cost, Ticker = order.Ticker, OrderId = order.Id, Note = $"{count} {order.Side} at {price} (resting bid filled)" });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "fee", Amount = -fee, Ticker = order.Ticker, OrderId = order.Id, Note = "maker fee" });
            var position = await context.Positions.FirstOrDefaultAsync(p => p.Ticker == order.Ticker && p.Side == order.Side, ct).ConfigureAwait(false);
            if (position is null)
            {
                position = new PositionEntity { Ticker = order.Ticker, EventTicker = proposal?.EventTicker ?? order.Ticker, Title = proposal?.Title ?? order.Ticker, Side = order.Side, OpenedAt = now };
                context.Positions.Add(position);
            }

            position.Contracts += count.Contracts;
            position.Cost += cost;
            position.FeesPaid += fee;
            position.UpdatedAt = now;
            position.Version++;
            if (proposal is { Status: ProposalStatus.Approved })
            {
                proposal.Status = ProposalLifecycle.Move(proposal.Status, ProposalStatus.Executed);
                proposal.Reason = null;
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }

        LogFilled(logger, order.Ticker, count.Contracts, order.Side, price.Dollars);
        if (order.ProposalId is { } id)
        {
            await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Executed), ct).ConfigureAwait(false);
        }

        await events.PublishAsync(new PositionsChanged(now, order.Ticker), ct).ConfigureAwait(false);
        return 1;
    }

    private async Task<int> EndAsync(OrderEntity order, string why, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var status = ProposalLifecycle.Move(ProposalStatus.Approved, order.Filled > 0m ? ProposalStatus.Executed : ProposalStatus.Failed);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var claimed = await context.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatuses.Resting)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Canceled), ct)
            .ConfigureAwait(false);
        if (claimed == 0 || order.ProposalId is not { } proposalId)
        {
            return claimed;
        }

        var reason = order.Filled > 0m ? null : $"the resting bid at {Price.FromDollars(order.LimitPrice)} {why} with nothing filled";
        await context.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.Reason, reason), ct)
            .ConfigureAwait(false);
        await events.PublishAsync(new ProposalChanged(now, proposalId, status), ct).ConfigureAwait(false);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper resting bid on {Ticker} filled: {Count} {Side} at {Price}")]
    private static partial void LogFilled(ILogger logger, string ticker, decimal count, string side, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No market data for {Ticker}; its resting paper order waits")]
    private static partial void LogMarketUnavailable(ILogger logger, Exception ex, string ticker);
}
