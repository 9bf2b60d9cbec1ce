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
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Scanner;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Kalshi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>
/// One pass of the loop: scan → sit-out checks → forecast → edge → size → risk gate → persisted proposals, with the
/// funnel and every gate's count recorded. The circuit breaker looks at the account once the positions are marked, and
/// its trading state (halted, reducing) and the desk-wide sit-outs reach every market through the risk gate. Each
/// proposal reserves its outlay, so the markets after it in the cycle (an event's siblings above all) see that much
/// less room. Idempotent and safe to run twice at once: the database allows one pending proposal per market.
/// </summary>
public sealed partial class TradingCycle(
    MarketFeed feed,
    EnsembleForecaster ensemble,
    IRecentTrades trades,
    PresetProvider presets,
    PortfolioReader portfolio,
    LearnedCalibration calibration,
    ForecastRecorder recorder,
    RiskMonitor risk,
    PaperRestingOrders resting,
    PaperSettlements settlements,
    ExchangeHealth exchange,
    MarketTermsWatch terms,
    IKalshiClient client,
    IDbContextFactory<DeskDbContext> db,
    IDeskEvents events,
    DeskBooks books,
    MarketScan scan,
    IOptions<TradingOptions> options,
    IOptions<RiskOptions> riskOptions,
    TimeProvider time,
    ILogger<TradingCycle> logger)
{
    public async Task<CycleReport> RunAsync(CancellationToken ct = default)
    {
        // The whole cycle works on one book, read fresh: a switch on any instance counts from the next cycle on.
        var inForce = await books.CurrentAsync(ct).ConfigureAwait(false);
        using var pin = books.Pin(inForce);
        var started = time.GetUtcNow();
        var cycleId = Guid.CreateVersion7(started);
        var preset = await presets.GetActiveAsync(ct).ConfigureAwait(false);
        await ExpireProposalsAsync(started, ct).ConfigureAwait(false);

        var markets = await feed.GetOpenMarketsAsync(ct).ConfigureAwait(false);

        // A paper desk is its own exchange: resting bids the market came down to fill, and markets that settled pay out,
        // before anything is measured.
        if (inForce == DeskBook.Paper)
        {
            await resting.SweepAsync(markets, ct).ConfigureAwait(false);
            await settlements.SettleAsync(markets, ct).ConfigureAwait(false);
        }

        // Marks first, then the breaker's look: equity at this cycle's prices is what the limits are measured on.
        await MarkPositionsAsync(markets, ct).ConfigureAwait(false);
        var trading = await risk.ObserveAsync(ct).ConfigureAwait(false);
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        var state = account.ToRiskState();

        HashSet<string> pending;
        HashSet<string> unsettled;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var waiting = await context.Proposals.AsNoTracking()
                .Where(p => p.Status == ProposalStatus.Pending || p.Status == ProposalStatus.Approved)
                .Select(p => new { p.Ticker, p.EventTicker, p.Cost, p.Fee })
                .ToListAsync(ct).ConfigureAwait(false);
            pending = [.. waiting.Select(p => p.Ticker)];
            unsettled = [.. await context.Orders.AsNoTracking().Where(o => o.Status == OrderStatuses.Unknown).Select(o => o.Ticker).ToListAsync(ct).ConfigureAwait(false)];

            // A proposal still waiting for a person may yet be approved: its outlay is spoken for.
            foreach (var waited in waiting)
            {
                state = state.WithEntry(waited.Ticker, waited.EventTicker, new Money(waited.Cost + waited.Fee));
            }
        }

        var heldSides = account.Positions.ToDictionary(p => p.Ticker, p => p.Side);
        var funnel = new int[Enum.GetValues<FunnelStage>().Length];
        var skips = new Dictionary<string, int>(StringComparer.Ordinal);
        var gates = new Dictionary<string, GateCount>(StringComparer.Ordinal);
        var proposals = new List<ProposalEntity>();
        var booksLeft = options.Value.MaxOrderBooksPerCycle;
        var candidates = new List<string>();
        var forecasts = new List<(MarketSnapshot, EnsembleForecast)>(markets.Count);
        var seen = new List<(MarketSnapshot Market, MarketDecision? Decision, FunnelStage Reached, string? Reason)>(markets.Count);
        var limits = riskOptions.Value;

        // Every entry pauses while the exchange is not trading, its API errors are high or calibration has degraded;
        // a halted or reducing desk opens nothing. Each reaches the markets through the risk gate, with its reason.
        var sitOut = await SitOutReasonAsync(ct).ConfigureAwait(false);
        var conditions = RiskMonitor.Conditions(trading, sitOut);
        terms.Retain(markets.Select(m => m.Ticker));

        // Everything the models may read beyond the snapshot, gathered once: siblings by event, exclusivity, the books
        // the stream keeps, the tape. The models themselves do no I/O.
        var known = new ForecastContext(markets, feed.MutuallyExclusiveEvents, feed.LiveBook, trades);
        foreach (var market in markets)
        {
            var passed = new HashSet<string>(StringComparer.Ordinal);
            var check = MarketSitOut.Check(market, started, limits.MaxSnapshotAge, terms.Observe(market, started), limits.RulesChangeCooldown);
            passed.UnionWith(check.Passed);
            if (check.SitsOut)
            {
                Tally(gates, passed, [], check.FailedGate);
                Count(funnel, skips, FunnelStage.Scanned, check.Reason);
                seen.Add((market, null, FunnelStage.Scanned, check.Reason));
                continue;
            }

            var blend = ensemble.Forecast(market, known, started);
            var decision = TradeEvaluator.Evaluate(market, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, preset, state, started, conditions: conditions);
            string? depth = null;
            if (decision.Stage >= FunnelStage.Sized && conditions.AllowsEntries && booksLeft-- > 0)
            {
                // Size against the real depth before proposing: edge shrinks as the order walks the book. The book is
                // news to the order-flow model too, so the blend is redone with it.
                var book = await feed.GetOrderBookAsync(market.Ticker, ct).ConfigureAwait(false);
                candidates.Add(market.Ticker);
                blend = ensemble.Forecast(market, known.WithBook(market.Ticker, book), started);
                decision = TradeEvaluator.Evaluate(market, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, preset, state, started, book, conditions, feed.FlowFor(market.Ticker, started));
                if (decision.Stage >= FunnelStage.Edge && decision.Best is { } best)
                {
                    depth = MarketSitOut.DepthReason(book, best.Side, best.Price, best.Probability, market.Fees, preset.MinEdge, limits.MinDepthContracts);
                    if (depth is null)
                    {
                        passed.Add(MarketSitOut.Depth);
                    }
                }
            }

            if (blend is not null)
            {
                forecasts.Add((market, blend));
            }

            var reached = decision.Stage;
            var skip = decision.Reason;
            var failed = decision.Risk?.DeniedBy;
            passed.UnionWith(decision.Risk?.GatesPassed ?? []);
            if (depth is not null)
            {
                skip = depth;
                failed = MarketSitOut.Depth;
                reached = decision.Stage < FunnelStage.Edge ? decision.Stage : FunnelStage.Edge;
            }
            else if (decision.IsTrade && unsettled.Contains(market.Ticker))
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
                var proposal = ToProposal(cycleId, market, decision, blend!, preset.Name, started);
                proposals.Add(proposal);
                pending.Add(market.Ticker);
                reached = FunnelStage.Proposed;

                // Markets of one event are sized jointly: what this one takes is no longer there for the next.
                state = state.WithEntry(market.Ticker, market.EventTicker, decision.Risk!.Sizing.Outlay);
            }

            Tally(gates, passed, decision.Risk?.ShrunkBy ?? [], failed);
            Count(funnel, skips, reached, skip);
            seen.Add((market, decision, reached, skip));
        }

        // Markets worth sizing are worth watching: their books come over the stream from the next cycle on.
        await feed.WatchAsync(candidates, ct).ConfigureAwait(false);
        var saved = await SaveProposalsAsync(proposals, ct).ConfigureAwait(false);
        funnel[(int)FunnelStage.Proposed] = saved.Count;

        // Every forecast is kept with its decision time, to be scored when its market settles.
        var proposedTickers = proposals.Where(p => saved.Contains(p.Id)).Select(p => p.Ticker).ToHashSet(StringComparer.Ordinal);
        await recorder.RecordAsync(cycleId, forecasts, proposedTickers, started, ct).ConfigureAwait(false);
        var finished = time.GetUtcNow();
        scan.Publish(cycleId, finished, [.. seen.Select(s => Scanned(s.Market, s.Decision, s.Reached, s.Reason, proposedTickers))]);
        var tradingState = CircuitBreaker.Name(trading.State);
        var report = new CycleReport(cycleId, started, finished, preset.Name, funnel[0], funnel[1], funnel[2], funnel[3], funnel[4], funnel[5], skips, saved, tradingState, sitOut, gates);
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
                Gates = JsonSerializer.Serialize(gates, GateJson),
                TradingState = tradingState,
                SitOut = sitOut is { Length: > 1000 } ? sitOut[..1000] : sitOut,
            });

            // The equity curve's point: the account as this cycle measured it, after settlements and marks.
            context.EquitySnapshots.Add(account.ToEquitySnapshot(cycleId, started));
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

    /// <summary>The <c>cycle_runs.Gates</c> JSON: {"spread": {"passed": 12, "shrunk": 0, "failed": 3}}.</summary>
    public static JsonSerializerOptions GateJson { get; } = new(JsonSerializerDefaults.Web);

    private static string Name(Side side) => side == Side.Yes ? "yes" : "no";

    /// <summary>The scanner's row: the market's quote, the estimate, the better side's edge, how far it got and why it stopped.</summary>
    private static ScannedMarket Scanned(MarketSnapshot market, MarketDecision? decision, FunnelStage reached, string? reason, HashSet<string> proposed)
    {
        var side = decision?.Best ?? ((decision?.Yes, decision?.No) switch
        {
            ({ } yes, { } no) => no.Edge > yes.Edge ? no : yes,
            (var yes, var no) => yes ?? no,
        });
        var wasProposed = proposed.Contains(market.Ticker);
        var stage = wasProposed ? FunnelStage.Proposed : reached >= FunnelStage.Proposed ? FunnelStage.RiskPassed : reached;
        return new ScannedMarket(
            market.Ticker,
            market.EventTicker,
            market.Title,
            market.Category,
            market.YesBid?.Dollars,
            market.YesAsk?.Dollars,
            market.LastPrice?.Dollars,
            market.Mid?.AsDouble,
            decision?.Estimate?.Value,
            side is null ? null : Name(side.Side),
            side?.Edge,
            StageName(stage),
            wasProposed ? "proposed" : "skipped",
            wasProposed ? null : reason ?? "a proposal for this market was already made elsewhere",
            market.CloseTime);
    }

    private static string StageName(FunnelStage stage) => stage switch
    {
        FunnelStage.Scanned => "scanned",
        FunnelStage.Priced => "priced",
        FunnelStage.Edge => "edge",
        FunnelStage.Sized => "sized",
        FunnelStage.RiskPassed => "risk-passed",
        _ => "proposed",
    };

    /// <summary>Counts the market into every funnel stage up to the one it reached, and its reason's head.</summary>
    private static void Count(int[] funnel, Dictionary<string, int> skips, FunnelStage reached, string? skip)
    {
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

    private static void Tally(Dictionary<string, GateCount> gates, HashSet<string> passed, IReadOnlyList<string> shrunk, string? failed)
    {
        foreach (var gate in passed)
        {
            var count = gates.GetValueOrDefault(gate) ?? new GateCount(0, 0, 0);
            gates[gate] = count with { Passed = count.Passed + 1 };
        }

        foreach (var gate in shrunk)
        {
            var count = gates.GetValueOrDefault(gate) ?? new GateCount(0, 0, 0);
            gates[gate] = count with { Shrunk = count.Shrunk + 1 };
        }

        if (failed is not null)
        {
            var count = gates.GetValueOrDefault(failed) ?? new GateCount(0, 0, 0);
            gates[failed] = count with { Failed = count.Failed + 1 };
        }
    }

    /// <summary>Why every entry pauses now: the exchange (status read here, error rate counted), then calibration.</summary>
    private async Task<string?> SitOutReasonAsync(CancellationToken ct)
    {
        try
        {
            exchange.RecordStatus(await client.GetExchangeStatusAsync(ct).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            exchange.RecordStatusUnknown(ex.Message);
        }

        var reasons = new[] { exchange.SitOutReason, calibration.SitOutReason }.Where(r => r is not null).ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

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
            Route = best.Route == Liquidity.Maker ? ProposalService.MakerRoute : "taker",
            FillProbability = Math.Round(best.FillProbability, 6),
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
