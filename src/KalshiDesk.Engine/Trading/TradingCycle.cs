using System.Globalization;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Decisions;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>
/// One pass of the loop: scan → forecast → edge → size → risk gate → persisted proposals, with the funnel recorded.
/// Idempotent and safe to run twice at once: the database allows one pending proposal per market.
/// </summary>
public sealed partial class TradingCycle(
    MarketFeed feed,
    EnsembleForecaster ensemble,
    IRecentTrades trades,
    PresetProvider presets,
    PortfolioReader portfolio,
    LearnedCalibration calibration,
    ForecastRecorder recorder,
    IDbContextFactory<DeskDbContext> db,
    IDeskEvents events,
    IOptions<TradingOptions> options,
    TimeProvider time,
    ILogger<TradingCycle> logger)
{
    public async Task<CycleReport> RunAsync(CancellationToken ct = default)
    {
        var started = time.GetUtcNow();
        var cycleId = Guid.CreateVersion7(started);
        var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
        await ExpireProposalsAsync(started, ct).ConfigureAwait(false);

        var markets = await feed.GetOpenMarketsAsync(ct).ConfigureAwait(false);
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        var state = account.ToRiskState();
        await MarkPositionsAsync(markets, ct).ConfigureAwait(false);

        HashSet<string> pending;
        HashSet<string> unsettled;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            pending = [.. await context.Proposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending || p.Status == ProposalStatus.Approved).Select(p => p.Ticker).ToListAsync(ct).ConfigureAwait(false)];
            unsettled = [.. await context.Orders.AsNoTracking().Where(o => o.Status == OrderStatuses.Unknown).Select(o => o.Ticker).ToListAsync(ct).ConfigureAwait(false)];
        }

        var heldSides = account.Positions.ToDictionary(p => p.Ticker, p => p.Side);
        var funnel = new int[Enum.GetValues<FunnelStage>().Length];
        var skips = new Dictionary<string, int>(StringComparer.Ordinal);
        var proposals = new List<ProposalEntity>();
        var booksLeft = options.Value.MaxOrderBooksPerCycle;
        var candidates = new List<string>();
        var forecasts = new List<(MarketSnapshot, EnsembleForecast)>(markets.Count);

        // A desk whose calibration has degraded sits out: every entry pauses, each with the reason.
        var conditions = new DeskConditions(calibration.SitOutReason);

        // Everything the models may read beyond the snapshot, gathered once: siblings by event, exclusivity, the books
        // the stream keeps, the tape. The models themselves do no I/O.
        var known = new ForecastContext(markets, feed.MutuallyExclusiveEvents, feed.LiveBook, trades);
        foreach (var market in markets)
        {
            var blend = ensemble.Forecast(market, known, started);
            var decision = TradeEvaluator.Evaluate(market, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, preset, state, started, conditions: conditions);
            if (decision.Stage >= FunnelStage.Sized && booksLeft-- > 0)
            {
                // Size against the real depth before proposing: edge shrinks as the order walks the book. The book is
                // news to the order-flow model too, so the blend is redone with it.
                var book = await feed.GetOrderBookAsync(market.Ticker, ct).ConfigureAwait(false);
                candidates.Add(market.Ticker);
                blend = ensemble.Forecast(market, known.WithBook(market.Ticker, book), started);
                decision = TradeEvaluator.Evaluate(market, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, preset, state, started, book, conditions);
            }

            if (blend is not null)
            {
                forecasts.Add((market, blend));
            }

            var reached = decision.Stage;
            string? skip = decision.Reason;
            if (decision.IsTrade && unsettled.Contains(market.Ticker))
            {
                skip = "unknown order: an earlier order's outcome is unknown until reconciliation settles it";
            }
            else if (decision.IsTrade && pending.Contains(market.Ticker))
            {
                skip = "pending: a proposal for this market is waiting for a decision or its order is in flight";
            }
            else if (decision.IsTrade && heldSides.TryGetValue(market.Ticker, out var held) && held != Name(decision.Best!.Side))
            {
                skip = $"position: the desk holds {held} here already";
            }
            else if (decision.IsTrade)
            {
                proposals.Add(ToProposal(cycleId, market, decision, blend!, preset.Name, started));
                pending.Add(market.Ticker);
                reached = FunnelStage.Proposed;
            }

            for (var stage = 0; stage <= (int)reached; stage++)
            {
                funnel[stage]++;
            }

            if (skip is not null)
            {
                var key = skip.Split(':', 2)[0];
                skips[key] = skips.GetValueOrDefault(key) + 1;
            }
        }

        // Markets worth sizing are worth watching: their books come over the stream from the next cycle on.
        await feed.WatchAsync(candidates, ct).ConfigureAwait(false);
        var saved = await SaveProposalsAsync(proposals, ct).ConfigureAwait(false);
        funnel[(int)FunnelStage.Proposed] = saved.Count;

        // Every forecast is kept with its decision time, to be scored when its market settles.
        var proposedTickers = proposals.Where(p => saved.Contains(p.Id)).Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal);
        await recorder.RecordAsync(cycleId, forecasts, proposedTickers, started, ct).ConfigureAwait(false);
        var finished = time.GetUtcNow();
        var report = new CycleReport(cycleId, started, finished, preset.Name, funnel[0], funnel[1], funnel[2], funnel[3], funnel[4], funnel[5], skips, saved);
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            context.CycleRuns.Add(new CycleRunEntity
            {
                Id = cycleId,
                StartedAt = started,
                FinishedAt = finished,
                Preset = preset.Name,
                Scanned = report.Scanned,
                Priced = report.Priced,
                WithEdge = report.WithEdge,
                Sized = report.Sized,
                RiskPassed = report.RiskPassed,
                Proposed = report.Proposed,
                SkipReasons = JsonSerializer.Serialize(skips),
            });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        foreach (var id in saved)
        {
            var ticker = proposals.First(p => p.Id == id).Ticker;
            await events.PublishAsync(new ProposalCreated(finished, id, ticker), ct).ConfigureAwait(false);
        }

        await events.PublishAsync(new CycleCompleted(finished, cycleId, report.Scanned, report.Proposed), ct).ConfigureAwait(false);
        LogCycle(logger, report.Scanned, report.Priced, report.WithEdge, report.Sized, report.RiskPassed, report.Proposed, preset.Name);
        return report;
    }

    private static string Name(Side side) => side == Side.Yes ? "yes" : "no";

    private ProposalEntity ToProposal(Guid cycleId, MarketSnapshot market, MarketDecision decision, EnsembleForecast blend, string preset, DateTimeOffset now)
    {
        var best = decision.Best!;
        var sizing = decision.Risk!.Sizing;
        var id = Guid.CreateVersion7(now);
        return new ProposalEntity
        {
            Id = id,
            CycleId = cycleId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.ProposalLifetime,
            Ticker = market.Ticker,
            EventTicker = market.EventTicker,
            Title = market.Title,
            Category = market.Category,
            Side = Name(best.Side),
            ProbabilityYes = decision.Estimate!.Value.Value,
            MarketProbabilityYes = market.Mid?.AsDouble,
            Price = best.Price.Dollars,
            Contracts = sizing.Contracts.Contracts,
            Cost = sizing.Cost.Dollars,
            Fee = sizing.Fee.Dollars,
            FeePerContract = decimal.Round(best.FeePerContract, 6),
            Edge = best.Edge,
            KellyFraction = best.Sizing.KellyFraction,
            Preset = preset,
            GatesPassed = string.Join('|', decision.Risk.GatesPassed),
            RiskNotes = decision.Risk.Reasons.Count > 0 ? string.Join("; ", decision.Risk.Reasons) : null,
            ModelEstimates = JsonSerializer.Serialize(blend.Models.ToDictionary(f => f.Model, f => Math.Round(f.ProbabilityYes.Value, 6))),
            Status = ProposalStatus.Pending,
            ClientOrderId = "kd-" + id.ToString("N", CultureInfo.InvariantCulture),
        };
    }

    private async Task<List<Guid>> SaveProposalsAsync(List<ProposalEntity> proposals, CancellationToken ct)
    {
        var saved = new List<Guid>();
        foreach (var proposal in proposals)
        {
            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            context.Proposals.Add(proposal);
            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                saved.Add(proposal.Id);
            }
            catch (DbUpdateException)
            {
                // Another instance proposed this market first (one pending proposal per market): keep theirs.
                LogDuplicate(logger, proposal.Ticker);
            }
        }

        return saved;
    }

    private async Task ExpireProposalsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var expired = await context.Proposals.Where(p => p.Status == ProposalStatus.Pending && p.ExpiresAt <= now).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
        if (expired.Count == 0)
        {
            return;
        }

        await context.Proposals
            .Where(p => expired.Contains(p.Id) && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Expired).SetProperty(p => p.DecidedAt, now).SetProperty(p => p.Reason, "expired before a decision"), ct)
            .ConfigureAwait(false);
        foreach (var id in expired)
        {
            await events.PublishAsync(new ProposalChanged(now, id, ProposalStatus.Expired), ct).ConfigureAwait(false);
        }
    }

    private async Task MarkPositionsAsync(IReadOnlyList<MarketSnapshot> markets, CancellationToken ct)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var positions = await context.Positions.Where(p => p.Contracts > 0).ToListAsync(ct).ConfigureAwait(false);
        if (positions.Count == 0)
        {
            return;
        }

        var byTicker = markets.ToDictionary(m => m.Ticker, StringComparer.Ordinal);
        foreach (var position in positions)
        {
            if (byTicker.TryGetValue(position.Ticker, out var market) && market.Mid is { } mid && position.MarkYes != mid.Dollars)
            {
                position.MarkYes = mid.Dollars;
                position.Version++;
            }
        }

        try
        {
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A fill changed a position meanwhile; the next cycle marks it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle: {Scanned} scanned, {Priced} priced, {Edge} with edge, {Sized} sized, {Risk} risk-passed, {Proposed} proposed ({Preset})")]
    private static partial void LogCycle(ILogger logger, int scanned, int priced, int edge, int sized, int risk, int proposed, string preset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance already proposed {Ticker}; kept theirs")]
    private static partial void LogDuplicate(ILogger logger, string ticker);
}
