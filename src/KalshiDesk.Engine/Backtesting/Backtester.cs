using System.Diagnostics;
using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Decisions;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// Replays a recording through the live decision path on a simulated clock: every observation, in time order, is a market
/// update that goes through the per-market sit-out checks, the live models (<see cref="EnsembleForecaster"/>), the
/// recalibration and ensemble weights learned (<see cref="CalibrationAnalysis"/>, the live learner's own code) only from
/// markets settled before that moment, edge, fractional Kelly and the risk gate (<see cref="TradeEvaluator"/>) under the
/// circuit breaker (<see cref="CircuitBreaker"/>) and the calibration sit-out. A trade that qualifies is taken at once (a
/// backtest has nobody to approve it) through the <see cref="BacktestBroker"/>, against the recorded book with Kalshi's
/// taker fee, and each market pays out at its recorded settlement.
/// </summary>
/// <remarks>
/// What the models see is only what was known at the decision: the latest observation of each open market (never a
/// later one), the tape up to the clock, and no outcome. Markets leave the context when they settle. Updates at the same
/// recorded time form one cycle: the breaker and the calibration look once before it.
/// </remarks>
public static class Backtester
{
    /// <summary>Replays <paramref name="data"/>; reports progress about every half percent of the updates.</summary>
    public static async Task<BacktestResult> RunAsync(BacktestData data, BacktestOptions? options = null, IProgress<BacktestProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var run = new Replay(data, options ?? new BacktestOptions(), progress);
        return await run.RunAsync(ct).ConfigureAwait(false);
    }

    private readonly record struct Update(DateTimeOffset At, int Market, int Observation);

    private sealed class Position(string eventTicker, Side side)
    {
        public string EventTicker { get; } = eventTicker;

        public Side Side { get; } = side;

        public decimal Contracts { get; set; }

        public decimal Cost { get; set; }

        public decimal Fee { get; set; }

        /// <summary>The last mid of the side held.</summary>
        public decimal Mark { get; set; }

        public List<int> Trades { get; } = [];
    }

    private sealed record Pending(DateTimeOffset DecisionTime, double Market, double Pooled, double Desk, IReadOnlyDictionary<string, double> Models);

    private sealed class Replay
    {
        private static readonly string[] StageNames = ["scanned", "priced", "edge", "sized", "risk-passed", "proposed", "filled"];

        private readonly BacktestData _data;
        private readonly BacktestOptions _options;
        private readonly IProgress<BacktestProgress>? _progress;
        private readonly BacktestClock _clock;
        private readonly LearnedCalibration _learned = new();
        private readonly EnsembleForecaster _ensemble;
        private readonly BacktestBroker _broker;
        private readonly RiskPreset _preset;
        private readonly ReplayTape _tape;
        private readonly ForecastContext _context;

        // The latest snapshot of each open market, by event (what the models may read), and where each sits in its list.
        private readonly Dictionary<string, List<MarketSnapshot>> _byEvent = new(StringComparer.Ordinal);
        private readonly MarketSnapshot?[] _current;
        private readonly bool[] _settled;
        private readonly Dictionary<string, int> _index;
        private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<Pending>> _pending = [];
        private readonly Dictionary<int, DateTimeOffset> _lastRecorded = [];
        private readonly List<RecordedForecast> _settledForecasts = [];
        private readonly List<(RecordedForecast Forecast, bool Scored)> _scored = [];
        private readonly List<BacktestTrade> _trades = [];
        private readonly List<EquityPoint> _equity = [];
        private readonly List<decimal> _settlementPnls = [];
        private readonly long[] _funnel = new long[StageNames.Length];
        private readonly Dictionary<string, int> _skips = new(StringComparer.Ordinal);

        private decimal _cash;
        private decimal _fees;
        private decimal _peak;
        private decimal _maxDrawdown;
        private PortfolioState _portfolio;
        private RiskState? _risk;
        private DeskConditions _conditions = DeskConditions.Normal;
        private DateTimeOffset? _lastLearned;
        private bool _learnDue;
        private DateTimeOffset? _firstDecision;
        private long _orders;

        public Replay(BacktestData data, BacktestOptions options, IProgress<BacktestProgress>? progress)
        {
            _data = data;
            _options = options;
            _progress = progress;
            _preset = options.Preset;
            _cash = options.StartingCash;
            _peak = options.StartingCash;
            _portfolio = PortfolioState.Flat(new Money(options.StartingCash));
            _clock = new BacktestClock(data.Start ?? DateTimeOffset.UnixEpoch);
            _current = new MarketSnapshot?[data.Markets.Count];
            _settled = new bool[data.Markets.Count];
            _index = new Dictionary<string, int>(data.Markets.Count, StringComparer.Ordinal);
            for (var i = 0; i < data.Markets.Count; i++)
            {
                if (!_index.TryAdd(data.Markets[i].Ticker, i))
                {
                    throw new ArgumentException($"The recording lists {data.Markets[i].Ticker} twice.", nameof(data));
                }
            }

            _ensemble = new EnsembleForecaster(options.Forecasters ?? BacktestOptions.LiveForecasters(), _learned, _learned, NullLogger<EnsembleForecaster>.Instance);
            _tape = new ReplayTape(data.Markets, _index, _clock);
            _context = new ForecastContext(EventMarkets, data.MutuallyExclusiveEvents, Book, _tape);
            _broker = new BacktestBroker(Book);
        }

        public async Task<BacktestResult> RunAsync(CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            var updates = Updates();
            var settlements = Enumerable.Range(0, _data.Markets.Count).OrderBy(i => _data.Markets[i].SettledAt).ThenBy(i => _data.Markets[i].Ticker, StringComparer.Ordinal).ToArray();
            var nextSettlement = 0;
            var step = Math.Max(1, updates.Length / 200);
            var lastPoint = DateTimeOffset.MinValue;
            var done = 0L;
            var i = 0;
            while (i < updates.Length)
            {
                var at = updates[i].At;
                if (_options.To is { } to && at > to)
                {
                    break;
                }

                // Whatever settled before this moment pays out, at its own time, before anyone looks.
                var changed = false;
                while (nextSettlement < settlements.Length && _data.Markets[settlements[nextSettlement]].SettledAt <= at)
                {
                    changed |= Settle(settlements[nextSettlement++]);
                }

                _clock.MoveTo(at);
                BeginCycle(at);
                for (; i < updates.Length && updates[i].At == at; i++)
                {
                    changed |= await DecideAsync(updates[i], ct).ConfigureAwait(false);
                    if (++done % step == 0)
                    {
                        Report(done, updates.Length, watch.Elapsed, at);
                        ct.ThrowIfCancellationRequested();
                    }
                }

                var equity = MarkedEquity();
                Drawdown(equity);
                if (changed || at - lastPoint >= TimeSpan.FromHours(1))
                {
                    _equity.Add(new EquityPoint(at, equity));
                    lastPoint = at;
                }
            }

            // After the last update, the markets settle as recorded (up to the end of the window).
            while (nextSettlement < settlements.Length && (_options.To is not { } end || _data.Markets[settlements[nextSettlement]].SettledAt <= end))
            {
                var market = settlements[nextSettlement++];
                if (_data.Markets[market].SettledAt > _clock.GetUtcNow())
                {
                    _clock.MoveTo(_data.Markets[market].SettledAt);
                }

                if (Settle(market))
                {
                    var equity = MarkedEquity();
                    Drawdown(equity);
                    _equity.Add(new EquityPoint(_clock.GetUtcNow(), equity));
                }
            }

            var final = MarkedEquity();
            Drawdown(final);
            if (_equity.Count == 0 || _equity[^1].Equity != final)
            {
                _equity.Add(new EquityPoint(_clock.GetUtcNow(), final));
            }

            Report(updates.Length, updates.Length, watch.Elapsed, _clock.GetUtcNow());
            return Result(final, updates.Length, watch.Elapsed);
        }

        private Update[] Updates()
        {
            var updates = new Update[checked((int)_data.Updates)];
            var n = 0;
            for (var m = 0; m < _data.Markets.Count; m++)
            {
                var observations = _data.Markets[m].Observations;
                for (var o = 0; o < observations.Count; o++)
                {
                    updates[n++] = new Update(observations[o].At, m, o);
                }
            }

            // Time order; at one moment, ticker order, so a replay is the same every time.
            var markets = _data.Markets;
            Array.Sort(updates, (a, b) =>
            {
                var byTime = a.At.CompareTo(b.At);
                if (byTime != 0)
                {
                    return byTime;
                }

                var byTicker = string.CompareOrdinal(markets[a.Market].Ticker, markets[b.Market].Ticker);
                return byTicker != 0 ? byTicker : a.Observation.CompareTo(b.Observation);
            });
            return updates;
        }

        private void BeginCycle(DateTimeOffset now)
        {
            // Relearn from what has settled by now, at most once per RelearnEvery of recorded time.
            if (_learnDue && (_lastLearned is not { } last || now - last >= _options.RelearnEvery))
            {
                _learned.Set(CalibrationAnalysis.Learn(_settledForecasts, _options.Scoring, now));
                _lastLearned = now;
                _learnDue = false;
            }

            var account = _portfolio with { Equity = new Money(MarkedEquity()) };
            if (_risk is null)
            {
                _risk = CircuitBreaker.Start(_preset, account, now);
            }
            else
            {
                _risk = CircuitBreaker.Observe(_risk, _preset, account, _settlementPnls, now).State;
            }

            _settlementPnls.Clear();
            _conditions = RiskMonitor.Conditions(_risk, _learned.SitOutReason);
        }

        private async Task<bool> DecideAsync(Update update, CancellationToken ct)
        {
            var m = update.Market;
            if (_settled[m])
            {
                return false;
            }

            var market = _data.Markets[m];
            var observation = market.Observations[update.Observation];
            var now = update.At;
            var snapshot = new MarketSnapshot(
                market.Ticker, market.EventTicker, market.SeriesTicker, market.Title, market.Category, MarketStatus.Active,
                observation.YesBid, observation.YesAsk, observation.LastPrice, observation.Volume, market.CloseTime, market.Fees, false, now);
            Observe(m, snapshot);
            if (_positions.TryGetValue(market.Ticker, out var held) && snapshot.Mid is { } mid)
            {
                held.Mark = held.Side == Side.Yes ? mid.Dollars : 1m - mid.Dollars;
            }

            // Before the window opens, the desk only forecasts: what it learns from those markets is ready when trading starts.
            if (_options.From is { } from && now < from)
            {
                if (_ensemble.Forecast(snapshot, _context, now) is { } warm)
                {
                    Record(m, snapshot, warm, now, traded: false);
                }

                return false;
            }

            _firstDecision ??= now;
            var check = MarketSitOut.Check(snapshot, now, _options.Risk.MaxSnapshotAge, null, _options.Risk.RulesChangeCooldown);
            if (check.SitsOut)
            {
                Count(FunnelStage.Scanned, check.Reason, filled: false);
                _options.OnDecision?.Invoke(new BacktestDecision(now, market.Ticker, null, StageNames[0], check.Reason));
                return false;
            }

            var blend = _ensemble.Forecast(snapshot, _context, now);
            var decision = TradeEvaluator.Evaluate(snapshot, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, _preset, _portfolio, now, conditions: _conditions);
            string? depth = null;
            if (decision.Stage >= FunnelStage.Sized && _conditions.AllowsEntries)
            {
                // As live: size against the depth before trading, and let the book-reading models see it.
                var book = Book(market.Ticker)!;
                blend = _ensemble.Forecast(snapshot, _context.WithBook(market.Ticker, book), now);
                decision = TradeEvaluator.Evaluate(snapshot, blend?.ProbabilityYes, blend?.Disagreement ?? 0d, _preset, _portfolio, now, book, _conditions);
                if (decision.Stage >= FunnelStage.Edge && decision.Best is { } best)
                {
                    depth = MarketSitOut.DepthReason(book, best.Side, best.Price, best.Probability, market.Fees, _preset.MinEdge, _options.Risk.MinDepthContracts);
                }
            }

            var reached = decision.Stage;
            var reason = decision.Reason;
            var trade = false;
            if (depth is not null)
            {
                reason = depth;
                reached = decision.Stage < FunnelStage.Edge ? decision.Stage : FunnelStage.Edge;
            }
            else if (decision.IsTrade && held is not null && held.Side != decision.Best!.Side)
            {
                reason = $"position: the desk holds {Name(held.Side)} here already";
            }
            else if (decision.IsTrade)
            {
                trade = true;
                reached = FunnelStage.Proposed;
            }

            if (blend is not null)
            {
                Record(m, snapshot, blend, now, trade);
            }

            var filled = trade && await ExecuteAsync(m, snapshot, decision, ct).ConfigureAwait(false);
            Count(reached, reason, filled);
            _options.OnDecision?.Invoke(new BacktestDecision(now, market.Ticker, decision.Estimate?.Value, StageNames[(int)reached], reason));
            return filled;
        }

        private async Task<bool> ExecuteAsync(int m, MarketSnapshot snapshot, MarketDecision decision, CancellationToken ct)
        {
            var market = _data.Markets[m];
            var best = decision.Best!;
            var sizing = decision.Risk!.Sizing;
            var limit = sizing.LimitPrice ?? best.Price;
            var order = new OrderRequest(market.Ticker, "bt-" + (++_orders).ToString(CultureInfo.InvariantCulture), best.Side, limit, sizing.Contracts, TimeInForce.ImmediateOrCancel);
            var result = await ((IBroker)_broker).ExecuteAsync(order, market.Fees, ct).ConfigureAwait(false);
            if (result.Filled.IsZero)
            {
                return false;
            }

            if (!_positions.TryGetValue(market.Ticker, out var position))
            {
                position = new Position(market.EventTicker, best.Side);
                _positions.Add(market.Ticker, position);
            }

            var cost = result.Cost.Dollars;
            var fee = result.Fee.Dollars;
            position.Contracts += result.Filled.Contracts;
            position.Cost += cost;
            position.Fee += fee;
            position.Mark = snapshot.Mid is { } mid ? (best.Side == Side.Yes ? mid.Dollars : 1m - mid.Dollars) : result.AveragePrice!.Value.Dollars;
            position.Trades.Add(_trades.Count);
            _cash -= cost + fee;
            _fees += fee;
            _trades.Add(new BacktestTrade(
                snapshot.ObservedAt, market.Ticker, market.Category, Name(best.Side), result.Filled.Contracts, result.AveragePrice!.Value.Dollars,
                cost, fee, decision.Estimate!.Value.Value, best.Edge, null, null, null));
            RebuildPortfolio();
            return true;
        }

        /// <summary>Pays out a market that settled; true when the desk held it.</summary>
        private bool Settle(int m)
        {
            var market = _data.Markets[m];
            _settled[m] = true;
            if (_current[m] is { } last && _byEvent.TryGetValue(market.EventTicker, out var siblings))
            {
                siblings.Remove(last);
            }

            _current[m] = null;

            // Its forecasts are scored now, and learned from at the next relearning.
            if (_pending.Remove(m, out var forecasts))
            {
                foreach (var f in forecasts)
                {
                    var recorded = new RecordedForecast(market.Ticker, market.Category, f.DecisionTime, market.CloseTime, market.SettledAt, f.Market, f.Pooled, f.Desk, market.YesWon, f.Models);
                    _settledForecasts.Add(recorded);
                }

                var scored = forecasts.Where(f => f.DecisionTime <= market.CloseTime).ToList();
                if (scored.Count > 0)
                {
                    var lastForecast = scored[^1];
                    var inWindow = _options.From is not { } from || lastForecast.DecisionTime >= from;
                    _scored.Add((new RecordedForecast(market.Ticker, market.Category, lastForecast.DecisionTime, market.CloseTime, market.SettledAt, lastForecast.Market, lastForecast.Pooled, lastForecast.Desk, market.YesWon, lastForecast.Models), inWindow));
                }

                _learnDue = true;
            }

            if (!_positions.Remove(market.Ticker, out var position))
            {
                return false;
            }

            var won = market.YesWon == (position.Side == Side.Yes);
            _cash += won ? position.Contracts : 0m;
            foreach (var t in position.Trades)
            {
                var trade = _trades[t];
                var payout = won ? trade.Contracts : 0m;
                _trades[t] = trade with { SettledAt = market.SettledAt, YesWon = market.YesWon, Pnl = payout - trade.Cost - trade.Fee };
            }

            _settlementPnls.Add((won ? position.Contracts : 0m) - position.Cost - position.Fee);
            RebuildPortfolio();
            return true;
        }

        private void Observe(int m, MarketSnapshot snapshot)
        {
            var previous = _current[m];
            _current[m] = snapshot;
            if (!_byEvent.TryGetValue(snapshot.EventTicker, out var siblings))
            {
                _byEvent[snapshot.EventTicker] = siblings = [];
            }

            var at = previous is null ? -1 : siblings.IndexOf(previous);
            if (at >= 0)
            {
                siblings[at] = snapshot;
            }
            else
            {
                siblings.Add(snapshot);
            }
        }

        private void Record(int m, MarketSnapshot snapshot, EnsembleForecast blend, DateTimeOffset now, bool traded)
        {
            // As the live recorder: at most once per RecordInterval, and whenever a trade is made; never without a price.
            var price = snapshot.Mid ?? snapshot.LastPrice;
            if (price is null || (!traded && _lastRecorded.TryGetValue(m, out var last) && now - last < _options.Scoring.RecordInterval))
            {
                return;
            }

            _lastRecorded[m] = now;
            if (!_pending.TryGetValue(m, out var list))
            {
                _pending[m] = list = [];
            }

            var models = new Dictionary<string, double>(blend.Models.Count, StringComparer.Ordinal);
            foreach (var model in blend.Models)
            {
                models[model.Model] = model.ProbabilityYes.Value;
            }

            list.Add(new Pending(now, (double)price.Value.Dollars, blend.Pooled.ProbabilityYes.Value, blend.ProbabilityYes.Value, models));
        }

        private IReadOnlyList<MarketSnapshot> EventMarkets(string eventTicker) =>
            _byEvent.TryGetValue(eventTicker, out var markets) ? markets : [];

        /// <summary>The recorded book of a market as it stands now: its quote, <see cref="BacktestOptions.DepthContracts"/> deep each side.</summary>
        private OrderBook? Book(string ticker)
        {
            if (!_index.TryGetValue(ticker, out var m) || _current[m] is not { YesBid: { } bid, YesAsk: { } ask })
            {
                return null;
            }

            var depth = Quantity.Of(_options.DepthContracts);
            return new OrderBook([new BookLevel(bid, depth)], [new BookLevel(ask.Complement, depth)]);
        }

        private decimal MarkedEquity()
        {
            var equity = _cash;
            foreach (var position in _positions.Values)
            {
                equity += position.Contracts * position.Mark;
            }

            return equity;
        }

        private void Drawdown(decimal equity)
        {
            if (equity > _peak)
            {
                _peak = equity;
            }
            else if (_peak > 0m)
            {
                _maxDrawdown = Math.Max(_maxDrawdown, (_peak - equity) / _peak);
            }
        }

        /// <summary>The account as the risk gate sees it: cash, and what is held at cost (fee included), per market and event.</summary>
        private void RebuildPortfolio()
        {
            var byTicker = new Dictionary<string, Money>(_positions.Count, StringComparer.Ordinal);
            var byEvent = new Dictionary<string, Money>(StringComparer.Ordinal);
            var held = 0m;
            foreach (var (ticker, position) in _positions)
            {
                var outlay = new Money(position.Cost + position.Fee);
                byTicker[ticker] = outlay;
                byEvent[position.EventTicker] = byEvent.GetValueOrDefault(position.EventTicker) + outlay;
                held += position.Cost;
            }

            _portfolio = new PortfolioState(new Money(_cash + held), new Money(_cash), byTicker, byEvent);
        }

        private void Count(FunnelStage reached, string? reason, bool filled)
        {
            for (var stage = 0; stage <= (int)reached; stage++)
            {
                _funnel[stage]++;
            }

            if (filled)
            {
                _funnel[^1]++;
            }

            if (reason is not null)
            {
                var head = reason.Split(':', 2)[0];
                _skips[head] = _skips.GetValueOrDefault(head) + 1;
            }
        }

        private void Report(long done, long total, TimeSpan elapsed, DateTimeOffset at)
        {
            if (_progress is null)
            {
                return;
            }

            TimeSpan? remaining = done == 0 ? null : TimeSpan.FromTicks((long)(elapsed.Ticks * (double)(total - done) / done));
            _progress.Report(new BacktestProgress(done, total, elapsed, remaining, at, _trades.Count));
        }

        private BacktestResult Result(decimal final, long updates, TimeSpan elapsed)
        {
            var scored = _scored.Where(s => s.Scored).Select(s => s.Forecast).ToList();
            var (desk, market) = Scores(scored);
            var categories = _trades.Select(t => t.Category).Concat(scored.Select(s => s.Category)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(c =>
                {
                    var trades = _trades.Where(t => t.Category == c).ToList();
                    var pairs = scored.Where(s => s.Category == c).ToList();
                    return new BacktestCategory(
                        c,
                        pairs.Count,
                        trades.Count,
                        trades.Sum(t => t.Pnl ?? (MarkOf(t) - t.Cost - t.Fee)),
                        trades.Sum(t => t.Fee),
                        pairs.Count == 0 ? null : CalibrationMetrics.Brier([.. pairs.Select(p => ForecastOutcome.Of(p.Desk, p.YesWon))]),
                        pairs.Count == 0 ? null : CalibrationMetrics.Brier([.. pairs.Select(p => ForecastOutcome.Of(p.Market, p.YesWon))]));
                })
                .ToList();
            var start = _options.StartingCash;
            return new BacktestResult(
                _data.Source,
                _preset.Name,
                _firstDecision,
                _firstDecision is null ? null : _clock.GetUtcNow(),
                updates,
                _data.Markets.Count,
                start,
                final,
                start == 0m ? 0m : (final - start) / start,
                _maxDrawdown,
                _fees,
                _trades,
                _equity,
                desk,
                market,
                [.. StageNames.Select((name, i) => new BacktestStage(name, _funnel[i]))],
                _skips,
                categories,
                elapsed)
            {
                Scored = [.. scored.Select(s => new BacktestForecast(s.Ticker, s.Category, s.DecisionTime, s.Desk, s.Market, s.YesWon))],
            };
        }

        // A trade still open at the end is worth its contracts at the last mark of its market.
        private decimal MarkOf(BacktestTrade trade) =>
            _positions.TryGetValue(trade.Ticker, out var position) ? trade.Contracts * position.Mark : 0m;

        private (BacktestScores Desk, BacktestScores Market) Scores(List<RecordedForecast> scored)
        {
            var n = scored.Count;
            if (n == 0)
            {
                return (new BacktestScores(0, null, null), new BacktestScores(0, null, null));
            }

            var desk = scored.Select(s => s.Desk).ToArray();
            var price = scored.Select(s => s.Market).ToArray();
            var outcome = scored.Select(s => s.YesWon).ToArray();
            var samples = Math.Max(1, _options.BootstrapSamples);
            var deskBrier = new double[samples];
            var deskLog = new double[samples];
            var marketBrier = new double[samples];
            var marketLog = new double[samples];
            var random = new Random(_options.Seed);
            for (var b = 0; b < samples; b++)
            {
                double db = 0, dl = 0, mb = 0, ml = 0;
                for (var k = 0; k < n; k++)
                {
                    var i = random.Next(n);
                    db += Square(desk[i], outcome[i]);
                    dl += CalibrationMetrics.LogLoss(desk[i], outcome[i]);
                    mb += Square(price[i], outcome[i]);
                    ml += CalibrationMetrics.LogLoss(price[i], outcome[i]);
                }

                (deskBrier[b], deskLog[b], marketBrier[b], marketLog[b]) = (db / n, dl / n, mb / n, ml / n);
            }

            var deskPairs = Enumerable.Range(0, n).Select(i => ForecastOutcome.Of(desk[i], outcome[i])).ToList();
            var marketPairs = Enumerable.Range(0, n).Select(i => ForecastOutcome.Of(price[i], outcome[i])).ToList();
            return (
                new BacktestScores(n, Interval(CalibrationMetrics.Brier(deskPairs), deskBrier), Interval(CalibrationMetrics.LogLoss(deskPairs), deskLog)),
                new BacktestScores(n, Interval(CalibrationMetrics.Brier(marketPairs), marketBrier), Interval(CalibrationMetrics.LogLoss(marketPairs), marketLog)));
        }

        private static double Square(double p, bool yesWon) => (p - (yesWon ? 1d : 0d)) * (p - (yesWon ? 1d : 0d));

        private static ScoreInterval Interval(double value, double[] samples)
        {
            Array.Sort(samples);
            return new ScoreInterval(value, Percentile(samples, 0.025), Percentile(samples, 0.975));
        }

        private static double Percentile(double[] sorted, double q)
        {
            var rank = q * (sorted.Length - 1);
            var low = (int)Math.Floor(rank);
            var high = (int)Math.Ceiling(rank);
            return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
        }

        private static string Name(Side side) => side == Side.Yes ? "yes" : "no";
    }

    /// <summary>The recorded tape as the models may read it: never past the replay clock, whatever they ask.</summary>
    private sealed class ReplayTape(IReadOnlyList<BacktestMarket> markets, Dictionary<string, int> index, BacktestClock clock) : IRecentTrades
    {
        public IReadOnlyList<RecentTrade> Between(string ticker, DateTimeOffset after, DateTimeOffset upTo)
        {
            if (!index.TryGetValue(ticker, out var m) || markets[m].Trades.Count == 0)
            {
                return [];
            }

            var now = clock.GetUtcNow();
            var until = upTo < now ? upTo : now;
            var trades = markets[m].Trades;
            var result = new List<RecentTrade>();
            foreach (var trade in trades)
            {
                if (trade.ExecutedAt > until)
                {
                    break;
                }

                if (trade.ExecutedAt > after)
                {
                    result.Add(trade);
                }
            }

            return result;
        }
    }
}
