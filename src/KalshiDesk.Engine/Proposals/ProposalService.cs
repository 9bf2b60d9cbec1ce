using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Proposals;

/// <summary>
/// A person's decisions on proposals. Approval claims the proposal atomically (two clicks, two instances: one wins),
/// re-checks price and limits, sends one order keyed by the proposal's client_order_id, and books the fill.
/// </summary>
public sealed partial class ProposalService(
    IDbContextFactory<DeskDbContext> db,
    DeskBooks books,
    MarketFeed feed,
    IBroker broker,
    PresetProvider presets,
    PortfolioReader portfolio,
    RiskMonitor monitor,
    IDeskEvents events,
    IOptions<TradingOptions> options,
    TimeProvider time,
    ILogger<ProposalService> logger) : IProposalDesk
{
    public const int MaxReasonLength = 1000;

    /// <summary>The <see cref="ProposalEntity.Route"/> of a proposal whose order rests at its bid.</summary>
    public const string MakerRoute = "maker";

    public async Task<IReadOnlyList<ProposalView>> ListAsync(ProposalStatus? status, int limit = 200, CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = context.Proposals.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var rows = await query.OrderByDescending(p => p.CreatedAt).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(ProposalView.From)];
    }

    public async Task<ProposalView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await context.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        return row is null ? null : ProposalView.From(row);
    }

    public async Task<DecisionResult> RejectAsync(Guid id, string actor, string? reason, CancellationToken ct = default)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            throw new ArgumentException("A rejection needs a reason.", nameof(reason));
        }

        if (why.Length > MaxReasonLength)
        {
            throw new ArgumentException($"A reason has at most {MaxReasonLength} characters.", nameof(reason));
        }

        var now = time.GetUtcNow();
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var claimed = await context.Proposals
            .Where(p => p.Id == id && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Rejected).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.DecidedBy, actor).SetProperty(p => p.Reason, why), ct)
            .ConfigureAwait(false);
        var current = await context.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        if (current is null)
        {
            return DecisionResult.NotFound;
        }

        if (claimed == 0)
        {
            return new DecisionResult(true, false, current.Status, $"the proposal is already {current.Status.ToString().ToLowerInvariant()}", ProposalView.From(current));
        }

        context.Audit.Add(new AuditEntryEntity { Id = Guid.CreateVersion7(now), At = now, Actor = actor, Action = "proposal.reject", Details = $"{current.Ticker} {current.Side} ×{current.Contracts}: {why}" });
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Rejected), ct).ConfigureAwait(false);
        return new DecisionResult(true, true, ProposalStatus.Rejected, why, ProposalView.From(current));
    }

    public async Task<DecisionResult> ApproveAsync(Guid id, string actor, CancellationToken ct = default)
    {
        // One book from the claim to the fill: the proposal is looked for in the book in force (a paper proposal is not
        // in the live book), and its order is recorded there and sent by that book's broker even if an admin switches
        // meanwhile.
        using var pin = books.Pin(await books.CurrentAsync(ct).ConfigureAwait(false));
        var now = time.GetUtcNow();
        ProposalEntity proposal;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var found = await context.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
            if (found is null)
            {
                return DecisionResult.NotFound;
            }

            if (found.Status == ProposalStatus.Pending && found.ExpiresAt <= now)
            {
                await context.Proposals.Where(p => p.Id == id && p.Status == ProposalStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Expired).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.Reason, "expired before a decision"), ct)
                    .ConfigureAwait(false);
                await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Expired), ct).ConfigureAwait(false);
                return await ResultAsync(id, false, "the proposal expired before it was approved", ct).ConfigureAwait(false);
            }

            var claimed = await context.Proposals
                .Where(p => p.Id == id && p.Status == ProposalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Approved).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.DecidedBy, actor), ct)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                return await ResultAsync(id, false, $"the proposal is already {found.Status.ToString().ToLowerInvariant()}", ct).ConfigureAwait(false);
            }

            proposal = found;
            context.Audit.Add(new AuditEntryEntity { Id = Guid.CreateVersion7(now), At = now, Actor = actor, Action = "proposal.approve", Details = $"{found.Ticker} {found.Side} ×{found.Contracts} at {found.Price:0.00##}" });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Approved), ct).ConfigureAwait(false);
        string? failure;
        string? resting = null;
        try
        {
            (failure, resting) = await ExecuteAsync(proposal, ct).ConfigureAwait(false);
        }
        catch (OrderOutcomeUnknownException ex)
        {
            // Sent, but no answer: the proposal stays approved (in flight) until reconciliation settles the order.
            LogOutcomeUnknown(logger, ex, proposal.Ticker);
            var reason = $"{ex.Message}; new orders on {proposal.Ticker} wait until reconciliation settles it";
            await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
            {
                await context.Orders.Where(o => o.ClientOrderId == proposal.ClientOrderId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Unknown), ct).ConfigureAwait(false);
                await context.Proposals.Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Reason, reason), ct).ConfigureAwait(false);
            }

            return await ResultAsync(id, false, reason, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            failure = ex is KalshiApiException
                ? $"the exchange refused it: {ex.Message}"
                : $"the exchange could not be reached to execute: {ex.Message}";
            LogExecutionFailed(logger, ex, proposal.Ticker);
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            await context.Orders.Where(o => o.ClientOrderId == proposal.ClientOrderId && o.Status == OrderStatuses.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatuses.Rejected), ct).ConfigureAwait(false);
        }

        if (resting is not null)
        {
            // A maker bid rests: the proposal stays approved (in flight) until the bid fills or ends.
            await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
            {
                await context.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Reason, resting), ct).ConfigureAwait(false);
            }

            await events.PublishAsync(new PositionsChanged(time.GetUtcNow(), proposal.Ticker), ct).ConfigureAwait(false);
            return await ResultAsync(id, true, resting, ct).ConfigureAwait(false);
        }

        var status = failure is null ? ProposalStatus.Executed : ProposalStatus.Failed;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            ProposalLifecycle.Move(ProposalStatus.Approved, status);
            await context.Proposals.Where(p => p.Id == id && p.Status == ProposalStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.Reason, failure), ct)
                .ConfigureAwait(false);
        }

        var at = time.GetUtcNow();
        await events.PublishAsync(new ProposalChanged(at, id, status), ct).ConfigureAwait(false);
        if (failure is null)
        {
            await events.PublishAsync(new PositionsChanged(at, proposal.Ticker), ct).ConfigureAwait(false);
        }

        return await ResultAsync(id, failure is null, failure, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-checks the trade, sends the order, books the fill. Returns why it did not trade (null on success), and, when a
    /// maker bid was left resting, what rests where until when.
    /// </summary>
    private async Task<(string? Failure, string? Resting)> ExecuteAsync(ProposalEntity proposal, CancellationToken ct)
    {
        var side = proposal.Side == "yes" ? Side.Yes : Side.No;
        if (await HasUnsettledOrderAsync(proposal.Ticker, ct).ConfigureAwait(false))
        {
            return ($"an earlier order on {proposal.Ticker} has an unknown outcome; wait until reconciliation settles it", null);
        }

        var market = await feed.GetMarketAsync(proposal.Ticker, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);

        // Price drift: the trade is re-priced at the current ask. It still executes while its edge clears the
        // preset's minimum (PRODUCT.md: "if the edge has gone, the approval fails with the reason").
        if (market.AskFor(side) is not { } ask)
        {
            return ("nobody is offering this side any more", null);
        }

        // A maker bid is re-checked where it will rest, with the maker fee.
        var proposed = Price.FromDollars(proposal.Price);
        var q = Probability.Of(proposal.ProbabilityYes).For(side);
        var maker = proposal.Route == MakerRoute;
        var edgeNow = maker ? EdgeModel.Edge(q, proposed, market.Fees, Liquidity.Maker) : EdgeModel.Edge(q, ask, market.Fees);
        if (edgeNow < preset.MinEdge)
        {
            return (maker
                ? string.Create(CultureInfo.InvariantCulture, $"edge gone: resting at {proposed} the edge is now {edgeNow:0.0000}, below the {preset.Name} minimum {preset.MinEdge:0.00##}")
                : string.Create(CultureInfo.InvariantCulture, $"edge gone: the ask moved from {proposed} to {ask}; edge now {edgeNow:0.0000} is below the {preset.Name} minimum {preset.MinEdge:0.00##}"), null);
        }

        // A taker order keeps the proposal's limit (the deepest level its size walked to) unless the ask has moved past it;
        // a maker bid rests at its price. Unmoved, the proposal's own cost and fee (walked level by level) are the sizing.
        var limit = maker || proposed >= ask ? proposed : ask;
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        var sizing = limit == proposed
            ? new SizingResult(proposal.KellyFraction, Quantity.Of(proposal.Contracts), new Money(proposal.Cost), new Money(proposal.Fee), SizingLimit.Kelly)
            : KellySizer.Result(proposal.KellyFraction, Quantity.Of(proposal.Contracts), limit, market.Fees, SizingLimit.Kelly);
        // A halted or reducing desk (breaker, kill switch, tighter preset) approves nothing: the gate says why.
        var conditions = await monitor.ConditionsAsync(ct: ct).ConfigureAwait(false);
        // A limit that leaves less room shrinks a maker bid at its maker fee; a taker order at its limit, its deepest price.
        Func<Money, SizingResult>? resize = maker
            ? room => KellySizer.Result(proposal.KellyFraction, KellySizer.ContractsWithin(room, limit, market.Fees, market.FractionalTrading, Liquidity.Maker), limit, market.Fees, SizingLimit.Kelly, Liquidity.Maker)
            : null;
        var risk = RiskGate.Evaluate(market, side, limit, edgeNow, sizing, 0d, preset, account.ToRiskState(), now, conditions, resize);
        if (!risk.Allowed)
        {
            return ("limits: " + string.Join("; ", risk.Reasons), null);
        }

        var count = risk.Sizing.Contracts;
        var orderId = Guid.CreateVersion7(now);
        var expires = now + options.Value.MakerOrderLifetime;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            // Recorded before sending: the unique client_order_id makes a second send impossible.
            context.Orders.Add(new OrderEntity
            {
                Id = orderId,
                ProposalId = proposal.Id,
                ClientOrderId = proposal.ClientOrderId,
                Broker = broker.Name,
                Ticker = proposal.Ticker,
                Side = proposal.Side,
                LimitPrice = limit.Dollars,
                Count = count.Contracts,
                Status = OrderStatuses.Pending,
                CreatedAt = now,
                ExpiresAt = maker ? expires : null,
            });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        // A bid the market has already come down to takes what is offered at once (post-only would be refused) and rests the rest.
        var request = maker
            ? new OrderRequest(proposal.Ticker, proposal.ClientOrderId, side, limit, count, TimeInForce.GoodTillCanceled, PostOnly: ask > limit, ExpiresAt: expires)
            : new OrderRequest(proposal.Ticker, proposal.ClientOrderId, side, limit, count, TimeInForce.ImmediateOrCancel);
        var result = await broker.ExecuteAsync(request, market.Fees, ct).ConfigureAwait(false);
        await BookAsync(orderId, proposal, result, ct).ConfigureAwait(false);
        if (!result.Filled.IsZero)
        {
            // Equity moved (the fee, the mark against the price paid): the circuit breaker looks again.
            await monitor.ObserveAsync(ct).ConfigureAwait(false);
        }

        if (!result.Resting.IsZero)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"resting: {result.Resting} at {limit} until {expires:yyyy-MM-dd HH:mm} UTC ({result.Filled} filled at once)"));
        }

        return (result.Filled.IsZero ? $"nothing filled: no contracts offered at {limit} or better" : null, null);
    }

    private async Task<bool> HasUnsettledOrderAsync(string ticker, CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await context.Orders.AnyAsync(o => o.Ticker == ticker && o.Status == OrderStatuses.Unknown, ct).ConfigureAwait(false);
    }

    private async Task BookAsync(Guid orderId, ProposalEntity proposal, BrokerResult result, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var tx = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var order = await context.Orders.FirstAsync(o => o.Id == orderId, ct).ConfigureAwait(false);
        order.ExchangeOrderId = result.ExchangeOrderId;
        order.Filled = result.Filled.Contracts;
        order.Status = !result.Resting.IsZero ? OrderStatuses.Resting : result.Filled.IsZero ? OrderStatuses.Canceled : OrderStatuses.Executed;
        if (!result.Filled.IsZero)
        {
            context.Fills.Add(new FillEntity
            {
                Id = Guid.CreateVersion7(now),
                OrderId = orderId,
                Ticker = proposal.Ticker,
                Side = proposal.Side,
                Price = result.AveragePrice!.Value.Dollars,
                Count = result.Filled.Contracts,
                Fee = result.Fee.Dollars,
                IsTaker = true,
                CreatedAt = now,
            });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "buy", Amount = -result.Cost.Dollars, Ticker = proposal.Ticker, OrderId = orderId, Note = $"{result.Filled} {proposal.Side} at {result.AveragePrice}" });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.CreateVersion7(now), At = now, Kind = "fee", Amount = -result.Fee.Dollars, Ticker = proposal.Ticker, OrderId = orderId, Note = "taker fee" });
            var position = await context.Positions.FirstOrDefaultAsync(p => p.Ticker == proposal.Ticker && p.Side == proposal.Side, ct).ConfigureAwait(false);
            if (position is null)
            {
                position = new PositionEntity { Ticker = proposal.Ticker, EventTicker = proposal.EventTicker, Title = proposal.Title, Side = proposal.Side, OpenedAt = now };
                context.Positions.Add(position);
            }

            position.Contracts += result.Filled.Contracts;
            position.Cost += result.Cost.Dollars;
            position.FeesPaid += result.Fee.Dollars;
            position.UpdatedAt = now;
            position.Version++;
        }

        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task<DecisionResult> ResultAsync(Guid id, bool succeeded, string? reason, CancellationToken ct)
    {
        var view = await GetAsync(id, ct).ConfigureAwait(false);
        return new DecisionResult(true, succeeded, view is null ? null : Enum.Parse<ProposalStatus>(view.Status, true), reason, view);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The order for {Ticker} has an unknown outcome; the market is blocked until reconciliation")]
    private static partial void LogOutcomeUnknown(ILogger logger, Exception ex, string ticker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executing the proposal for {Ticker} failed")]
    private static partial void LogExecutionFailed(ILogger logger, Exception ex, string ticker);
}
