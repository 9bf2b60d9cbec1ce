using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Kalshi.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Reconciliation;

/// <summary>
/// Compares the ledger with the exchange (orders, fills, positions, cash) and corrects the ledger toward the
/// exchange, recording every difference; imports settlements. Safe to run repeatedly: a second run finds nothing new.
/// </summary>
public sealed partial class ReconciliationService(
    IExchangeAccount exchange,
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    RiskMonitor monitor,
    IDeskEvents events,
    TimeProvider time,
    ILogger<ReconciliationService> logger)
{
    /// <summary>An unanswered order not on the exchange after this long was never received.</summary>
    public static readonly TimeSpan AbsentAfter = TimeSpan.FromSeconds(60);

    public async Task<ReconciliationReport> RunAsync(CancellationToken ct = default)
    {
        // The exchange's account is the live book's counterpart: it is compared with the live book (the main database)
        // only, even if the desk switches to paper meanwhile.
        using var pin = books.Pin(DeskBook.Live);
        var now = time.GetUtcNow();
        var run = new ReconciliationRunEntity { Id = Guid.CreateVersion7(now), StartedAt = now };
        var differences = new List<ReconciliationDifferenceEntity>();
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var tx = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);

        if (!await context.Ledger.AnyAsync(ct).ConfigureAwait(false))
        {
            // A live desk opens its ledger with what the exchange holds: that is the starting point, not a difference.
            var opening = await exchange.GetCashAsync(ct).ConfigureAwait(false);
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = PortfolioReader.Deposit, Amount = opening.Dollars, Note = "opening balance from the exchange" });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        run.OrdersChecked = await SettleOrdersAsync(context, now, differences, ct).ConfigureAwait(false);
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        run.FillsImported = await ImportFillsAsync(context, now, differences, ct).ConfigureAwait(false);
        run.SettlementsImported = await ImportSettlementsAsync(context, now, ct).ConfigureAwait(false);
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await ReconcilePositionsAsync(context, now, differences, ct).ConfigureAwait(false);
        await ReconcileCashAsync(context, now, differences, ct).ConfigureAwait(false);

        foreach (var difference in differences)
        {
            difference.RunId = run.Id;
        }

        run.Differences = differences.Count;
        run.FinishedAt = time.GetUtcNow();
        context.ReconciliationRuns.Add(run);
        context.ReconciliationDifferences.AddRange(differences);
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);

        if (differences.Count > 0 || run.FillsImported > 0 || run.SettlementsImported > 0)
        {
            LogDifferences(logger, differences.Count, run.FillsImported, run.SettlementsImported);
            await events.PublishAsync(new PositionsChanged(run.FinishedAt.Value, "*"), ct).ConfigureAwait(false);

            // Fills, settlements and cash corrections move equity; settlements feed the losing streak.
            await monitor.ObserveAsync(ct).ConfigureAwait(false);
        }

        return new ReconciliationReport(run.Id, run.OrdersChecked, run.FillsImported, run.SettlementsImported, [.. differences.Select(d => $"{d.Kind} {d.Ticker}: desk {d.Desk}, exchange {d.Exchange}; {d.Correction}")]);
    }

    /// <summary>Orders the desk is unsure of: found by client_order_id, or proved absent.</summary>
    private async Task<int> SettleOrdersAsync(DeskDbContext context, DateTimeOffset now, List<ReconciliationDifferenceEntity> differences, CancellationToken ct)
    {
        var open = await context.Orders
            .Where(o => o.Broker == "live" && (o.Status == OrderStatuses.Unknown || o.Status == OrderStatuses.Pending || o.Status == OrderStatuses.Resting))
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var order in open)
        {
            var onExchange = (await exchange.GetOrdersAsync(order.Ticker, ct).ConfigureAwait(false))
                .FirstOrDefault(o => o.ClientOrderId == order.ClientOrderId);
            var was = order.Status;
            if (onExchange is not null)
            {
                order.ExchangeOrderId = onExchange.OrderId;
                order.Status = onExchange.Status switch
                {
                    OrderStatus.Resting => OrderStatuses.Resting,
                    OrderStatus.Executed => OrderStatuses.Executed,
                    _ => OrderStatuses.Canceled,
                };
                if (was != order.Status)
                {
                    differences.Add(Difference(now, "order", order.Ticker, $"{order.ClientOrderId} {was}", $"{onExchange.Status.ToString().ToLowerInvariant()}, {onExchange.Filled} filled", "order status taken from the exchange"));
                }
            }
            else if (was != OrderStatuses.Resting && now - order.CreatedAt >= AbsentAfter)
            {
                order.Status = OrderStatuses.Absent;
                differences.Add(Difference(now, "order", order.Ticker, $"{order.ClientOrderId} {was}", "no such order", "the exchange never received it; the market is open to new orders again"));
            }
            else
            {
                continue;
            }

            if (order.ProposalId is { } proposalId && order.Status is not OrderStatuses.Resting)
            {
                var filled = onExchange?.Filled.Contracts ?? 0m;
                var status = filled > 0m ? ProposalStatus.Executed : ProposalStatus.Failed;
                var reason = filled > 0m ? null : order.Status == OrderStatuses.Absent ? "the exchange never received the order" : "the order was canceled without a fill";
                await context.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Approved)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.Reason, reason), ct).ConfigureAwait(false);
            }
        }

        return open.Count;
    }

    /// <summary>Exchange fills not yet booked with their exchange id: booked exactly, replacing what the order's answer estimated.</summary>
    private async Task<int> ImportFillsAsync(DeskDbContext context, DateTimeOffset now, List<ReconciliationDifferenceEntity> differences, CancellationToken ct)
    {
        var fills = await exchange.GetFillsAsync(ct).ConfigureAwait(false);
        var known = (await context.Fills.Where(f => f.ExchangeFillId != null).Select(f => f.ExchangeFillId!).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var byOrder in fills.Where(f => !known.Contains(f.FillId)).GroupBy(f => f.OrderId))
        {
            var order = await context.Orders.FirstOrDefaultAsync(o => o.ExchangeOrderId == byOrder.Key, ct).ConfigureAwait(false);
            var estimated = order is null
                ? []
                : await context.Fills.Where(f => f.OrderId == order.Id && f.ExchangeFillId == null).ToListAsync(ct).ConfigureAwait(false);
            var first = byOrder.First();
            var side = first.OutcomeSide == Side.Yes ? "yes" : "no";
            var exactCount = byOrder.Sum(f => f.Count.Contracts);
            var exactCost = byOrder.Sum(f => f.Count.Contracts * (f.OutcomeSide == Side.Yes ? f.YesPrice : f.NoPrice).Dollars);
            var exactFee = byOrder.Sum(f => f.Fee.Dollars);
            var bookedCount = estimated.Sum(f => f.Count);
            var bookedCost = estimated.Sum(f => f.Count * f.Price);
            var bookedFee = estimated.Sum(f => f.Fee);

            // Replace the estimate with the exchange's fills and post the difference to cash and the position.
            context.Fills.RemoveRange(estimated);
            foreach (var fill in byOrder)
            {
                var price = (fill.OutcomeSide == Side.Yes ? fill.YesPrice : fill.NoPrice).Dollars;
                context.Fills.Add(new FillEntity
                {
                    Id = Guid.CreateVersion7(now),
                    OrderId = order?.Id ?? Guid.Empty,
                    ExchangeFillId = fill.FillId,
                    Ticker = fill.Ticker,
                    Side = fill.OutcomeSide == Side.Yes ? "yes" : "no",
                    Price = price,
                    Count = fill.Count.Contracts,
                    Fee = fill.Fee.Dollars,
                    IsTaker = fill.IsTaker,
                    CreatedAt = fill.CreatedTime ?? now,
                });
                imported++;
            }

            var deltaCount = exactCount - bookedCount;
            var deltaCost = exactCost - bookedCost;
            var deltaFee = exactFee - bookedFee;
            if (deltaCount == 0m && deltaCost == 0m && deltaFee == 0m)
            {
                continue;
            }

            if (deltaCost != 0m)
            {
                context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "buy", Amount = -deltaCost, Ticker = first.Ticker, OrderId = order?.Id, Note = "reconciliation: the exchange's fills" });
            }

            if (deltaFee != 0m)
            {
                context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "fee", Amount = -deltaFee, Ticker = first.Ticker, OrderId = order?.Id, Note = "reconciliation: the exchange's fee" });
            }

            var position = await context.Positions.FirstOrDefaultAsync(p => p.Ticker == first.Ticker && p.Side == side, ct).ConfigureAwait(false);
            if (position is null)
            {
                position = new PositionEntity { Ticker = first.Ticker, EventTicker = first.Ticker, Title = first.Ticker, Side = side, OpenedAt = now };
                context.Positions.Add(position);
            }

            position.Contracts += deltaCount;
            position.Cost += deltaCost;
            position.FeesPaid += deltaFee;
            position.UpdatedAt = now;
            position.Version++;
            differences.Add(Difference(
                now,
                "fill",
                first.Ticker,
                string.Create(CultureInfo.InvariantCulture, $"{bookedCount} for ${bookedCost:0.00##} + ${bookedFee:0.00##} fee"),
                string.Create(CultureInfo.InvariantCulture, $"{exactCount} for ${exactCost:0.00##} + ${exactFee:0.00##} fee"),
                order is null ? "fills of an order the desk did not send, booked" : "booked as the exchange filled them"));
        }

        return imported;
    }

    /// <summary>Settled markets: the payout goes to cash and the position closes.</summary>
    private async Task<int> ImportSettlementsAsync(DeskDbContext context, DateTimeOffset now, CancellationToken ct)
    {
        var settlements = await exchange.GetSettlementsAsync(ct).ConfigureAwait(false);
        var known = (await context.Settlements.Select(s => s.Ticker).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var settlement in settlements.Where(s => !known.Contains(s.Ticker)))
        {
            context.Settlements.Add(new SettlementEntity
            {
                Id = Guid.CreateVersion7(now),
                Ticker = settlement.Ticker,
                EventTicker = settlement.EventTicker,
                Result = settlement.Result.ToString().ToLowerInvariant(),
                SettledAt = settlement.SettledTime,
                Revenue = settlement.Revenue.Dollars,
                YesCount = settlement.YesCount.Contracts,
                NoCount = settlement.NoCount.Contracts,
                Fee = settlement.FeeCost.Dollars,
                Cost = (settlement.YesTotalCost + settlement.NoTotalCost).Dollars,
            });
            if (settlement.Revenue.Dollars != 0m)
            {
                context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "payout", Amount = settlement.Revenue.Dollars, Ticker = settlement.Ticker, Note = $"settled {settlement.Result.ToString().ToLowerInvariant()}" });
            }

            foreach (var position in await context.Positions.Where(p => p.Ticker == settlement.Ticker && p.Contracts > 0).ToListAsync(ct).ConfigureAwait(false))
            {
                position.Contracts = 0m;
                position.Cost = 0m;
                position.UpdatedAt = now;
                position.Version++;
            }

            imported++;
        }

        return imported;
    }

    private async Task ReconcilePositionsAsync(DeskDbContext context, DateTimeOffset now, List<ReconciliationDifferenceEntity> differences, CancellationToken ct)
    {
        var onExchange = (await exchange.GetPositionsAsync(ct).ConfigureAwait(false)).ToDictionary(p => p.Ticker, p => p.SignedContracts, StringComparer.Ordinal);
        var local = await context.Positions.Where(p => p.Contracts > 0).ToListAsync(ct).ConfigureAwait(false);
        var tickers = onExchange.Where(p => p.Value != 0m).Select(p => p.Key).Union(local.Select(p => p.Ticker)).ToList();
        foreach (var ticker in tickers)
        {
            var mine = local.Where(p => p.Ticker == ticker).Sum(p => p.Side == "yes" ? p.Contracts : -p.Contracts);
            var theirs = onExchange.GetValueOrDefault(ticker);
            if (mine == theirs)
            {
                continue;
            }

            // Toward the exchange: its count is the truth; the cost basis scales with what is really held.
            var side = theirs >= 0 ? "yes" : "no";
            foreach (var other in local.Where(p => p.Ticker == ticker && p.Side != side))
            {
                other.Contracts = 0m;
                other.Cost = 0m;
                other.Version++;
            }

            var position = local.FirstOrDefault(p => p.Ticker == ticker && p.Side == side);
            if (position is null && theirs != 0m)
            {
                position = new PositionEntity { Ticker = ticker, EventTicker = ticker, Title = ticker, Side = side, OpenedAt = now };
                context.Positions.Add(position);
            }

            if (position is not null)
            {
                var held = Math.Abs(theirs);
                position.Cost = position.Contracts > 0m ? decimal.Round(position.Cost * held / position.Contracts, 4) : 0m;
                position.Contracts = held;
                position.UpdatedAt = now;
                position.Version++;
            }

            differences.Add(Difference(now, "position", ticker, Signed(mine), Signed(theirs), "position set to the exchange's count"));
        }

        await context.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private async Task ReconcileCashAsync(DeskDbContext context, DateTimeOffset now, List<ReconciliationDifferenceEntity> differences, CancellationToken ct)
    {
        var theirs = (await exchange.GetCashAsync(ct).ConfigureAwait(false)).Dollars;
        var mine = (await context.Ledger.Select(l => l.Amount).ToListAsync(ct).ConfigureAwait(false)).Sum();
        if (theirs == mine)
        {
            return;
        }

        context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "adjustment", Amount = theirs - mine, Note = "reconciliation: cash set to the exchange's balance" });
        differences.Add(Difference(now, "balance", null, Dollars(mine), Dollars(theirs), string.Create(CultureInfo.InvariantCulture, $"cash adjusted by {theirs - mine:+0.00##;-0.00##}")));
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static ReconciliationDifferenceEntity Difference(DateTimeOffset at, string kind, string? ticker, string desk, string exchange, string correction) =>
        new() { Id = Guid.CreateVersion7(at), At = at, Kind = kind, Ticker = ticker, Desk = desk, Exchange = exchange, Correction = correction };

    private static string Signed(decimal contracts) => contracts.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    private static string Dollars(decimal amount) => amount.ToString("$0.00##", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation corrected {Differences} difference(s); imported {Fills} fill(s) and {Settlements} settlement(s)")]
    private static partial void LogDifferences(ILogger logger, int differences, int fills, int settlements);
}
