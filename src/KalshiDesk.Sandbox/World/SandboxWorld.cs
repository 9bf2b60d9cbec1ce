using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Matching;
using KalshiDesk.Sandbox.World.Replay;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// The simulated markets and how they move. Each market has a hidden truth that random-walks and now and then
/// jumps; makers quote around a centre that follows the truth by at most 2¢ a tick; informed traders print at the
/// truth when it jumps. So after news the last trade leads and the quotes lag: the stale quotes a model that reads
/// the tape can exploit.
/// </summary>
internal sealed class SandboxWorld
{
    public const double MinTruth = 0.03;
    public const double MaxTruth = 0.97;

    /// <summary>A lagged market: last trade ≥ 8¢ from the mid of a quote ≤ 4¢ wide.</summary>
    public const decimal LagMinGap = 0.08m;
    public const decimal LagMaxSpread = 0.04m;

    private const double JumpChance = 0.05;
    private const double JumpMin = 0.06;
    private const double JumpMax = 0.20;

    private static readonly Quantity Unlimited = Quantity.Of(1_000_000m);

    private readonly Random _random;
    private readonly List<SandboxMarket> _markets;
    private readonly Dictionary<string, SandboxMarket> _marketsByTicker;
    private readonly Dictionary<string, SandboxEvent> _events;
    private readonly List<SandboxEvent> _eventList;
    private readonly Dictionary<string, SandboxSeries> _series;

    public SandboxWorld(IEnumerable<SandboxEvent> events, Random random, DateTimeOffset epoch, IReadOnlyList<SandboxSeries>? series = null, ReplayClock? replay = null)
    {
        Replay = replay;
        _random = random;
        Epoch = epoch;
        _events = events.ToDictionary(e => e.EventTicker, StringComparer.Ordinal);
        _markets = [.. _events.Values.SelectMany(e => e.Markets).OrderBy(m => m.Ticker, StringComparer.Ordinal)];
        _marketsByTicker = _markets.ToDictionary(m => m.Ticker, StringComparer.Ordinal);
        _eventList = [.. _events.Values.OrderBy(e => e.EventTicker, StringComparer.Ordinal)];

        // Every catalog series exists, as on Kalshi, whether or not it has an event in this world.
        _series = (series ?? [.. SeriesCatalog.Templates.Select(t => t.Series)]).ToDictionary(s => s.Ticker, StringComparer.Ordinal);
        SeriesList = [.. _series.Values.OrderBy(s => s.Ticker, StringComparer.Ordinal)];
        var trading = _markets.Count(m => m.IsTrading);
        LagFloor = replay is null ? Math.Min(trading, Math.Max(3, _markets.Count / 16)) : 0;
    }

    /// <summary>For a replayed recording, how its clock maps onto the Sandbox's; null for a simulated world.</summary>
    public ReplayClock? Replay { get; }

    /// <summary>The hour the world was laid out from; close times are 6 hours to 30 days after it.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>Every market, in ticker order (the order <c>GET /markets</c> pages in).</summary>
    public IReadOnlyList<SandboxMarket> Markets => _markets;

    /// <summary>Every event, in ticker order; settled ones stay, as on Kalshi.</summary>
    public IReadOnlyList<SandboxEvent> Events => _eventList;

    /// <summary>The generator the world spawns replacement events with (shares the world's seeded sequence).</summary>
    internal Random Random => _random;

    public IReadOnlyList<SandboxSeries> SeriesList { get; }

    /// <summary>How many lagged markets the world keeps at the end of every tick (3 for the default 48 markets).</summary>
    public int LagFloor { get; }

    public long Ticks { get; private set; }

    public SandboxMarket? FindMarket(string ticker) => _marketsByTicker.GetValueOrDefault(ticker);

    public SandboxEvent? FindEvent(string eventTicker) => _events.GetValueOrDefault(eventTicker);

    public SandboxSeries? FindSeries(string seriesTicker) => _series.GetValueOrDefault(seriesTicker);

    public bool HasEvent(string eventTicker) => _events.ContainsKey(eventTicker);

    /// <summary>Adds a newly created event and its markets, keeping every list in ticker order.</summary>
    public void Add(SandboxEvent created)
    {
        _events.Add(created.EventTicker, created);
        _eventList.Insert(InsertionPoint(_eventList, created.EventTicker, e => e.EventTicker), created);
        foreach (var market in created.Markets)
        {
            _marketsByTicker.Add(market.Ticker, market);
            _markets.Insert(InsertionPoint(_markets, market.Ticker, m => m.Ticker), market);
        }
    }

    /// <summary>The first quotes, before any tick.</summary>
    public void Open(MatchingEngine engine, DateTimeOffset now)
    {
        foreach (var market in _markets.Where(m => m.IsTrading))
        {
            Requote(market, engine, now);
        }

        KeepLagFloor(engine, now);
    }

    /// <summary>One step: truths move, quote centres follow, makers requote, informed traders print after jumps.</summary>
    public void Tick(MatchingEngine engine, DateTimeOffset now)
    {
        // The list can grow while a tick runs (none do today), so walk a copy of the count.
        for (var e = 0; e < _eventList.Count; e++)
        {
            var trading = _eventList[e];
            if (!trading.Markets.Exists(m => m.IsTrading))
            {
                continue;
            }

            if (trading.Truth is RecordedTruth recorded)
            {
                FollowRecording(trading, recorded, engine, now);
                continue;
            }

            var jumped = MoveTruth(trading);
            foreach (var market in trading.Markets)
            {
                if (!market.IsTrading)
                {
                    continue;
                }

                var before = market.Truth;
                market.Truth = trading.Truth.TruthOf(market.Index);
                MoveQuoteCentre(market);
                Requote(market, engine, now);
                if (jumped && Math.Abs(market.Truth - before) >= JumpMin / 2)
                {
                    TradeOnTheTruth(market, engine, now);
                }
            }
        }

        KeepLagFloor(engine, now);
        Ticks++;
    }

    /// <summary>A recorded event follows its recording: quotes centred on the recorded price, a print whenever it moves.</summary>
    private void FollowRecording(SandboxEvent replayed, RecordedTruth recorded, MatchingEngine engine, DateTimeOffset now)
    {
        recorded.MoveTo(Replay!.ToRecorded(now));
        foreach (var market in replayed.Markets)
        {
            if (!market.IsTrading)
            {
                continue;
            }

            var price = Price.FromDollars(recorded.PriceOf(market.Index));
            market.Truth = (double)price.Dollars;
            market.QuoteCentre = price;
            Requote(market, engine, now);
            if (price != market.LastPrice)
            {
                var buyer = price > market.LastPrice ? Side.Yes : Side.No;
                engine.Cross(market, Trader.Informed, Trader.Noise, buyer, price, Quantity.Of(_random.Next(5, 151)), now);
            }
        }
    }

    /// <summary>The event's hidden state walks, and with <see cref="JumpChance"/> news moves one market 6–20¢ (and the rest of the event with it).</summary>
    private bool MoveTruth(SandboxEvent moving)
    {
        moving.Truth.Walk(_random);
        var jumped = _random.NextDouble() < JumpChance;
        if (jumped)
        {
            var size = _random.Between(JumpMin, JumpMax);
            var direction = _random.Next(2) == 0 ? 1 : -1;
            moving.Truth.Jump(_random, _random.Next(moving.Markets.Count), size, direction);
        }

        return jumped;
    }

    private void MoveQuoteCentre(SandboxMarket market)
    {
        // Makers learn slowly, at most 1–2¢ a tick, and price the truth through Kalshi's longshot bias.
        var target = RandomDraws.ToCent(LongshotBias.PriceFor(market.Truth), 0.02m, 0.98m).Dollars;
        var step = _random.Cents(1, 2);
        var centre = market.QuoteCentre.Dollars;
        var gap = target - centre;
        centre = Math.Abs(gap) <= step ? target : centre + (Math.Sign(gap) * step);
        market.QuoteCentre = Price.FromDollars(Math.Clamp(centre, 0.02m, 0.98m));
    }

    /// <summary>The makers pull their quotes and post a fresh ladder: 1–4¢ wide, 3–6 levels a side, 20–500 contracts a level.</summary>
    internal void Requote(SandboxMarket market, MatchingEngine engine, DateTimeOffset now)
    {
        market.Book.RemoveAll(o => o.Owner == Trader.Maker);
        var spread = _random.Cents(1, 4);
        var bestBid = market.QuoteCentre.Dollars - (Math.Floor(spread * 50m) / 100m);
        bestBid = Math.Clamp(bestBid, 0.01m, 0.99m - spread);
        var bestAsk = bestBid + spread;
        var bidLevels = _random.Next(3, 7);
        var askLevels = _random.Next(3, 7);
        for (var i = 0; i < bidLevels && bestBid - (i * 0.01m) >= 0.01m; i++)
        {
            var size = Quantity.Of(_random.Next(20, 501));
            engine.Submit(market, Trader.Maker, Side.Yes, Price.FromDollars(bestBid - (i * 0.01m)), size, restRemainder: true, now);
        }

        for (var i = 0; i < askLevels && bestAsk + (i * 0.01m) <= 0.99m; i++)
        {
            // A YES ask at a is a NO bid at 1 − a.
            var size = Quantity.Of(_random.Next(20, 501));
            engine.Submit(market, Trader.Maker, Side.No, Price.FromDollars(1m - (bestAsk + (i * 0.01m))), size, restRemainder: true, now);
        }
    }

    /// <summary>
    /// Informed traders trade at the truth: they pick off any of the account's resting orders priced through it,
    /// then buy at the truth (rounded to the cent) from the noise traders, off the book. The makers' quotes stay stale.
    /// </summary>
    private void TradeOnTheTruth(SandboxMarket market, MatchingEngine engine, DateTimeOffset now)
    {
        var target = RandomDraws.ToCent(market.Truth);
        var mid = market.Mid ?? market.QuoteCentre.Dollars;
        var buyer = target.Dollars >= mid ? Side.Yes : Side.No;
        var limit = buyer == Side.Yes ? target : target.Complement;
        engine.Submit(market, Trader.Informed, buyer, limit, Unlimited, restRemainder: false, now, eligible: o => o.Owner == Trader.Account);
        engine.Cross(market, Trader.Informed, Trader.Noise, buyer, target, Quantity.Of(_random.Next(5, 151)), now);
    }

    /// <summary>
    /// Keeps at least <see cref="LagFloor"/> lagged markets: when jumps have been rare, news arrives in a market
    /// with a tight quote, 10–14¢ from its mid.
    /// </summary>
    private void KeepLagFloor(MatchingEngine engine, DateTimeOffset now)
    {
        var lagged = _markets.Count(m => m.IsLagged);
        var floor = Math.Min(LagFloor, _markets.Count(m => m.IsTrading));
        if (lagged >= floor)
        {
            return;
        }

        var candidates = _markets.Where(m => m.IsTrading && !m.IsLagged && m.Spread is <= LagMaxSpread).ToList();
        while (lagged < floor && candidates.Count > 0)
        {
            var index = _random.Next(candidates.Count);
            var market = candidates[index];
            candidates[index] = candidates[^1];
            candidates.RemoveAt(candidates.Count - 1);

            var mid = market.Mid!.Value;
            var gap = _random.Cents(10, 14);
            var up = Math.Round(mid + gap, 2, MidpointRounding.AwayFromZero);
            var down = Math.Round(mid - gap, 2, MidpointRounding.AwayFromZero);
            var upOk = up <= (decimal)MaxTruth;
            var downOk = down >= (decimal)MinTruth;
            if (!upOk && !downOk)
            {
                continue;
            }

            var goUp = upOk && (!downOk || _random.Next(2) == 0);
            market.Event.Truth.Pin(market.Index, (double)(goUp ? up : down));
            market.Event.PublishTruths();
            TradeOnTheTruth(market, engine, now);
            if (market.IsLagged)
            {
                lagged++;
            }
        }
    }

    private static int InsertionPoint<T>(List<T> items, string key, Func<T, string> keyOf)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(keyOf(items[mid]), key) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
