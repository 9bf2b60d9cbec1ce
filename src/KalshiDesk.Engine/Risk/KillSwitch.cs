using System.Globalization;
using System.Net;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Risk;

/// <summary>
/// The kill switch: halts the desk first (saved, so nothing new starts anywhere), rejects pending proposals, cancels
/// every resting order, and on request flattens every position with immediate-or-cancel sells: a paper desk sells into
/// the current book with the taker fee booked, a live desk sends IOC orders through the Kalshi client. An admin's
/// resume undoes the halt; what was sold stays sold.
/// </summary>
public sealed partial class KillSwitch(
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    RiskMonitor monitor,
    RestingOrders resting,
    MarketFeed feed,
    IBroker broker,
    IKalshiClient client,
    IDeskEvents events,
    TimeProvider time,
    ILogger<KillSwitch> logger)
{
    /// <summary>How an exit's client order id begins: the order history shows these as sells of the side held.</summary>
    public const string ExitOrderPrefix = "kd-exit-";

    /// <summary>Pulls the kill switch for <paramref name="actor"/>; with <paramref name="flatten"/>, also sells every position.</summary>
    public async Task<KillReport> PullAsync(string actor, bool flatten, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);

        // Halt, cancel and flatten the book in force, all of it, even if an admin switches meanwhile.
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        var now = time.GetUtcNow();
        var reason = flatten ? $"kill switch pulled by {actor}, positions flattened" : $"kill switch pulled by {actor}";
        await monitor.HaltAsync(HaltCause.KillSwitch, reason, actor, ct).ConfigureAwait(false);

        var rejected = await RejectPendingAsync(actor, now, ct).ConfigureAwait(false);
        var cancelled = await resting.CancelAllAsync(ct).ConfigureAwait(false);
        var exits = flatten ? await FlattenAsync(ct).ConfigureAwait(false) : [];
        var proceeds = exits.Sum(e => e.Proceeds);
        var fees = exits.Sum(e => e.Fee);
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var kept = flatten
                ? $"{exits.Count(e => e.Sold > 0m)} of {exits.Count} position(s) sold for {CircuitBreaker.Dollars(proceeds)} less {CircuitBreaker.Dollars(fees)} fees"
                : "positions kept";
            var details = string.Create(CultureInfo.InvariantCulture, $"{cancelled} resting order(s) cancelled, {rejected} pending proposal(s) rejected, {kept}");
            context.Audit.Add(RiskMonitor.Audit(now, actor, "risk.kill", details, null, flatten ? "halted, flattened" : "halted"));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        if (exits.Count > 0)
        {
            await events.PublishAsync(new PositionsChanged(time.GetUtcNow(), "*"), ct).ConfigureAwait(false);
        }

        // The exits moved equity: the measures follow (the desk stays halted).
        await monitor.ObserveAsync(ct).ConfigureAwait(false);
        LogKilled(logger, actor, cancelled, exits.Count);
        return new KillReport(now, reason, cancelled, rejected, exits, proceeds, fees);
    }

    private async Task<int> RejectPendingAsync(string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pending = await context.Proposals.Where(p => p.Status == ProposalStatus.Pending).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return 0;
        }

        ProposalLifecycle.Move(ProposalStatus.Pending, ProposalStatus.Rejected);
        var rejected = await context.Proposals
            .Where(p => pending.Contains(p.Id) && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Rejected).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.DecidedBy, actor).SetProperty(p => p.Reason, "kill switch: the desk is halted"), ct)
            .ConfigureAwait(false);
        foreach (var id in pending)
        {
            await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Rejected), ct).ConfigureAwait(false);
        }

        return rejected;
    }

    private async Task<List<ExitReport>> FlattenAsync(CancellationToken ct)
    {
        List<PositionEntity> held;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            held = await context.Positions.AsNoTracking().Where(p => p.Contracts > 0).ToListAsync(ct).ConfigureAwait(false);
        }

        var exits = new List<ExitReport>();
        foreach (var position in held.OrderBy(p => p.Ticker, StringComparer.Ordinal).ThenBy(p => p.Side, StringComparer.Ordinal))
        {
            try
            {
                exits.Add(broker.Name == "live"
                    ? await SellLiveAsync(position, ct).ConfigureAwait(false)
                    : await SellPaperAsync(position, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
            {
                LogExitFailed(logger, ex, position.Ticker);
                exits.Add(new ExitReport(position.Ticker, position.Side, position.Contracts, 0m, null, 0m, 0m, ex.Message));
            }
        }

        return exits;
    }

    /// <summary>Sells into the current book as the exchange would fill an IOC sell, nothing sent.</summary>
    private async Task<ExitReport> SellPaperAsync(PositionEntity position, CancellationToken ct)
    {
        var market = await feed.GetMarketAsync(position.Ticker, ct).ConfigureAwait(false);
        var book = await feed.GetOrderBookAsync(position.Ticker, ct).ConfigureAwait(false);
        var side = ParseSide(position.Side);
        var exit = PositionExit.Sell(book, side, Quantity.Of(position.Contracts), market.Fees);
        var clientOrderId = NewClientOrderId();
        await BookAsync(position, clientOrderId, $"paper-{clientOrderId}", exit, null, ct).ConfigureAwait(false);
        return Report(position, exit, exit.Sold.IsZero ? "no bids to sell into" : null);
    }

    /// <summary>
    /// Sends an IOC order for the opposite side at 99¢ (Kalshi nets the two: buying NO at 1 − b sells YES at b), i.e.
    /// sells at any bid of a cent or more. An order whose answer never came is left for reconciliation.
    /// </summary>
    private async Task<ExitReport> SellLiveAsync(PositionEntity position, CancellationToken ct)
    {
        var side = ParseSide(position.Side);
        var opposite = side == Side.Yes ? Side.No : Side.Yes;
        var count = Quantity.Of(position.Contracts);
        var clientOrderId = NewClientOrderId();
        var limit = PositionExit.AnyBid.Complement;
        var orderId = await RecordOrderAsync(position.Ticker, clientOrderId, opposite, limit, count, ct).ConfigureAwait(false);
        OrderAck ack;
        try
        {
            ack = await client.CreateOrderAsync(new OrderRequest(position.Ticker, clientOrderId, opposite, limit, count, TimeInForce.ImmediateOrCancel), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is KalshiApiException api && ((int)api.Status >= 500 || api.Status == HttpStatusCode.Conflict))
                                   || ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or KalshiDataException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            await SetOrderStatusAsync(orderId, OrderStatuses.Unknown, ct).ConfigureAwait(false);
            return new ExitReport(position.Ticker, position.Side, position.Contracts, 0m, null, 0m, 0m, $"the outcome of the exit order is unknown until reconciliation settles it ({ex.Message})");
        }
        catch (KalshiApiException ex)
        {
            await SetOrderStatusAsync(orderId, OrderStatuses.Rejected, ct).ConfigureAwait(false);
            return new ExitReport(position.Ticker, position.Side, position.Contracts, 0m, null, 0m, 0m, $"the exchange refused the exit: {ex.Message}");
        }

        // Kalshi answers with the average YES price and the fee per contract; reconciliation later books the exact fills.
        var exit = ack.Filled.IsZero || ack.AverageFillPrice is not { } yesPrice
            ? new ExitFill(Quantity.Zero, null, Money.Zero, Money.Zero)
            : Sold(side, ack.Filled, yesPrice, ack.AverageFeePaid ?? 0m);
        await BookAsync(position, clientOrderId, ack.OrderId, exit, orderId, ct).ConfigureAwait(false);
        return Report(position, exit, exit.Sold.IsZero ? "nothing filled: no bids to sell into" : null);
    }

    private static ExitFill Sold(Side held, Quantity filled, Price yesPrice, decimal feePerContract)
    {
        // The trade's YES price is the sale price of YES held, and its complement that of NO held.
        var salePrice = held == Side.Yes ? yesPrice : yesPrice.Complement;
        var proceeds = decimal.Round(filled.Contracts * salePrice.Dollars, 4);
        return new ExitFill(filled, salePrice, new Money(proceeds), new Money(decimal.Round(filled.Contracts * feePerContract, 2)));
    }

    private async Task<Guid> RecordOrderAsync(string ticker, string clientOrderId, Side side, Price limit, Quantity count, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);

        // Recorded before sending: the unique client_order_id makes a second send impossible.
        context.Orders.Add(new OrderEntity
        {
            Id = id,
            ClientOrderId = clientOrderId,
            Broker = broker.Name,
            Ticker = ticker,
            Side = Name(side),
            LimitPrice = limit.Dollars,
            Count = count.Contracts,
            Status = OrderStatuses.Pending,
            CreatedAt = now,
        });
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        return id;
    }

    private async Task SetOrderStatusAsync(Guid orderId, string status, CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        await context.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Books the exit as Kalshi records it: an order and a fill for the opposite side (at 1 − the sale price), cash up by
    /// the proceeds and down by the fee, and the position reduced at its average cost.
    /// </summary>
    /// <param name="existingOrder">The order already recorded before sending (live), or null to record it now (paper).</param>
    private async Task BookAsync(PositionEntity held, string clientOrderId, string exchangeOrderId, ExitFill exit, Guid? existingOrder, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var side = ParseSide(held.Side);
        var opposite = side == Side.Yes ? Side.No : Side.Yes;
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var tx = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var orderId = existingOrder ?? Guid.CreateVersion7(now);
        var order = existingOrder is { } known
            ? await context.Orders.FirstAsync(o => o.Id == known, ct).ConfigureAwait(false)
            : context.Orders.Add(new OrderEntity
            {
                Id = orderId,
                ClientOrderId = clientOrderId,
                Broker = broker.Name,
                Ticker = held.Ticker,
                Side = Name(opposite),
                LimitPrice = PositionExit.AnyBid.Complement.Dollars,
                Count = held.Contracts,
                Status = OrderStatuses.Pending,
                CreatedAt = now,
            }).Entity;
        order.ExchangeOrderId = exchangeOrderId;
        order.Filled = exit.Sold.Contracts;
        order.Status = exit.Sold.IsZero ? OrderStatuses.Canceled : OrderStatuses.Executed;
        if (!exit.Sold.IsZero)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"kill switch: sold {exit.Sold} {held.Side} at {exit.AveragePrice}");
            context.Fills.Add(new FillEntity
            {
                Id = Guid.CreateVersion7(now),
                OrderId = orderId,
                Ticker = held.Ticker,
                Side = Name(opposite),
                Price = decimal.Round(1m - exit.AveragePrice!.Value.Dollars, 6),
                Count = exit.Sold.Contracts,
                Fee = exit.Fee.Dollars,
                IsTaker = true,
                CreatedAt = now,
            });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "sell", Amount = exit.Proceeds.Dollars, Ticker = held.Ticker, OrderId = orderId, Note = note });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "fee", Amount = -exit.Fee.Dollars, Ticker = held.Ticker, OrderId = orderId, Note = "taker fee on exit" });
            var position = await context.Positions.FirstAsync(p => p.Ticker == held.Ticker && p.Side == held.Side, ct).ConfigureAwait(false);
            var left = Math.Max(position.Contracts - exit.Sold.Contracts, 0m);
            var share = position.Contracts == 0m ? 0m : left / position.Contracts;
            position.Cost = decimal.Round(position.Cost * share, 6);
            position.FeesPaid = decimal.Round(position.FeesPaid * share, 6);
            position.Contracts = left;
            position.UpdatedAt = now;
            position.Version++;
        }

        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static ExitReport Report(PositionEntity position, ExitFill exit, string? error) =>
        new(position.Ticker, position.Side, position.Contracts, exit.Sold.Contracts, exit.AveragePrice?.Dollars, exit.Proceeds.Dollars, exit.Fee.Dollars, error);

    private static string NewClientOrderId() => ExitOrderPrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static Side ParseSide(string side) => side == "yes" ? Side.Yes : Side.No;

    private static string Name(Side side) => side == Side.Yes ? "yes" : "no";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch pulled by {Actor}: {Cancelled} resting order(s) cancelled, {Exits} position(s) exited")]
    private static partial void LogKilled(ILogger logger, string actor, int cancelled, int exits);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kill switch: the position in {Ticker} could not be sold")]
    private static partial void LogExitFailed(ILogger logger, Exception ex, string ticker);
}
