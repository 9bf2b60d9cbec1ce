using KalshiDesk.Data;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// Cancels every resting order when the desk halts. A live desk cancels on the exchange every order of the account
/// resting there, whoever placed it; reconciliation then reads the cancellations (and any last fills) back into the
/// desk's orders and proposals, as for any order. A paper desk cancels the resting bids of its own book, and each
/// one's proposal ends: executed when something had filled, failed otherwise.
/// </summary>
public sealed partial class RestingOrders(
    IDbContextFactory<DeskDbContext> db,
    IBroker broker,
    IExchangeRestingOrders exchange,
    IDeskEvents events,
    TimeProvider time,
    ILogger<RestingOrders> logger)
{
    /// <summary>Cancels them all; returns how many were cancelled.</summary>
    public async Task<int> CancelAllAsync(CancellationToken ct = default)
    {
        if (broker.Name == "live")
        {
            var resting = await exchange.ListAsync(ct).ConfigureAwait(false);
            if (resting.Count == 0)
            {
                return 0;
            }

            var cancelled = await exchange.CancelAsync(resting, ct).ConfigureAwait(false);
            if (cancelled.Count < resting.Count)
            {
                LogSomeLeft(logger, resting.Count - cancelled.Count, resting.Count);
            }

            return cancelled.Count;
        }

        return await CancelPaperAsync(ct).ConfigureAwait(false);
    }

    private async Task<int> CancelPaperAsync(CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var resting = await context.Orders.AsNoTracking()
            .Where(o => o.Broker != "live" && o.Status == OrderStatuses.Resting)
            .ToListAsync(ct).ConfigureAwait(false);
        var cancelled = 0;
        foreach (var order in resting)
        {
            // Claimed, so a fill sweeping at the same moment and this cancel cannot both end the order.
            var claimed = await context.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatuses.Resting)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Canceled), ct)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                continue;
            }

            cancelled++;
            if (order.ProposalId is not { } proposalId)
            {
                continue;
            }

            var status = order.Filled > 0m ? ProposalStatus.Executed : ProposalStatus.Failed;
            ProposalLifecycle.Move(ProposalStatus.Approved, status);
            var reason = order.Filled > 0m ? null : $"the resting bid at {Price.FromDollars(order.LimitPrice)} was cancelled when the desk halted, with nothing filled";
            var moved = await context.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.Reason, reason), ct)
                .ConfigureAwait(false);
            if (moved > 0)
            {
                await events.PublishAsync(new ProposalChanged(time.GetUtcNow(), proposalId, status), ct).ConfigureAwait(false);
            }
        }

        return cancelled;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Left} of {Resting} resting orders could not be cancelled on the exchange; reconciliation will show them")]
    private static partial void LogSomeLeft(ILogger logger, int left, int resting);
}
