using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// Builds a world from a seed: events drawn across the catalog's series, closing 6 hours to 30 days after the
/// world's creation, a few not yet open, and some markets caught mid-lag so the very first scan finds stale quotes.
/// </summary>
internal static class WorldGenerator
{
    /// <summary>Templates close on their own calendar (a weekly series on Sunday), so a draw can land a few days late; those are drawn again.</summary>
    private static readonly TimeSpan CloseHorizon = TimeSpan.FromDays(30);

    /// <param name="now">The creation time; the world is laid out from the start of its hour, so worlds built within one hour match.</param>
    public static SandboxWorld Create(int markets, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(markets, 1);
        var random = new Random(seed);
        var utc = now.UtcDateTime;
        var epoch = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
        var categories = SeriesCatalog.Templates
            .GroupBy(t => t.Series.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();

        var events = new List<SandboxEvent>();
        var eventTickers = new HashSet<string>(StringComparer.Ordinal);
        var notYetOpenBudget = markets / 12;
        var remaining = markets;
        var clashes = 0;
        var renamed = 0;
        while (remaining > 0)
        {
            var template = random.Pick(random.Pick(categories));
            var (soonest, latest) = template.Lifetime;
            var earliest = epoch + soonest + ((latest - soonest) * random.NextDouble());
            var draft = template.Draft(random, earliest);
            if (draft.CloseTime > epoch + CloseHorizon || draft.CloseTime <= now)
            {
                continue;
            }

            var eventTicker = draft.EventTicker;
            if (eventTickers.Contains(eventTicker))
            {
                // Big worlds outgrow the calendar: after a few clashes, number the event instead of redrawing.
                if (++clashes < 8)
                {
                    continue;
                }

                do
                {
                    eventTicker = $"{draft.EventTicker}R{++renamed}";
                }
                while (eventTickers.Contains(eventTicker));
            }

            clashes = 0;
            eventTickers.Add(eventTicker);
            var take = Math.Min(remaining, draft.Markets.Count);
            var notYetOpen = take <= notYetOpenBudget && random.NextDouble() < 0.06;
            if (notYetOpen)
            {
                notYetOpenBudget -= take;
            }

            events.Add(BuildEvent(random, template, draft, eventTicker, take, notYetOpen, epoch));
            remaining -= take;
        }

        StartMidLag(random, events.SelectMany(e => e.Markets).Where(m => m.IsTrading).OrderBy(m => m.Ticker, StringComparer.Ordinal).ToList(), markets);
        return new SandboxWorld(events, random, epoch);
    }

    /// <summary>
    /// A new event of <paramref name="template"/>'s series, open from <paramref name="now"/>, to take the place of one that
    /// settled; null when the calendar has no free ticker for it right now.
    /// </summary>
    public static SandboxEvent? Spawn(Random random, SeriesTemplate template, DateTimeOffset now, Func<string, bool> taken)
    {
        var (soonest, latest) = template.Lifetime;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var draft = template.Draft(random, now + soonest + ((latest - soonest) * random.NextDouble()));
            if (draft.CloseTime <= now || taken(draft.EventTicker))
            {
                continue;
            }

            var spawned = BuildEvent(random, template, draft, draft.EventTicker, draft.Markets.Count, notYetOpen: false, now, openNow: true);
            return spawned;
        }

        return null;
    }

    private static SandboxEvent BuildEvent(Random random, SeriesTemplate template, EventDraft draft, string eventTicker, int take, bool notYetOpen, DateTimeOffset epoch, bool openNow = false)
    {
        var series = template.Series;
        var sandboxEvent = new SandboxEvent
        {
            EventTicker = eventTicker,
            Series = series,
            Template = template,
            Title = draft.Title,
            SubTitle = draft.SubTitle,
            MutuallyExclusive = draft.MutuallyExclusive,
            StrikeDate = draft.CloseTime,
        };

        DateTimeOffset open;
        DateTimeOffset created;
        if (openNow)
        {
            open = epoch;
            created = epoch;
        }
        else if (notYetOpen)
        {
            open = epoch.AddHours(random.Next(2, 37));
            if (open > draft.CloseTime.AddHours(-3))
            {
                open = draft.CloseTime.AddHours(-3);
            }

            created = epoch.AddDays(-1);
        }
        else
        {
            open = epoch.AddHours(-random.Next(24, 241));
            created = open.AddHours(-2);
        }

        var index = 0;
        foreach (var market in draft.Markets.Take(take))
        {
            sandboxEvent.Markets.Add(BuildMarket(random, sandboxEvent, draft, market, notYetOpen, open, created, index++));
        }

        sandboxEvent.Truth = TruthFor(draft, sandboxEvent.Markets);
        sandboxEvent.PublishTruths();
        foreach (var market in sandboxEvent.Markets)
        {
            // The crowd prices the truth through Kalshi's longshot bias.
            market.QuoteCentre = RandomDraws.ToCent(LongshotBias.PriceFor(market.Truth) + (random.Gaussian() * 0.01), 0.02m, 0.98m);
            if (!notYetOpen)
            {
                market.LastPrice = Price.FromDollars(Math.Clamp(market.QuoteCentre.Dollars + random.Cents(-1, 1), 0.01m, 0.99m));
                SetPrevious(random, market);
            }
        }

        return sandboxEvent;
    }

    private static EventTruth TruthFor(EventDraft draft, IReadOnlyList<SandboxMarket> markets)
    {
        if (draft.Ladder is { } ladder && markets.All(m => m.FloorStrike is not null))
        {
            return new LadderTruth([.. markets.Select(m => (double)m.FloorStrike!.Value)], ladder.Scale, ladder.Centre);
        }

        if (draft.MutuallyExclusive || markets.Count == 1)
        {
            return new ExclusiveTruth([.. markets.Select(m => m.Truth)]);
        }

        throw new InvalidOperationException($"event {draft.EventTicker}: several markets that are neither a strike ladder nor mutually exclusive");
    }

    private static SandboxMarket BuildMarket(Random random, SandboxEvent owner, EventDraft draft, MarketDraft market, bool notYetOpen, DateTimeOffset open, DateTimeOffset created, int index)
    {
        var built = new SandboxMarket
        {
            Ticker = $"{owner.EventTicker}-{market.TickerSuffix}",
            Event = owner,
            Title = market.Title,
            Subtitle = market.Subtitle,
            YesSubTitle = market.YesSubTitle,
            NoSubTitle = market.NoSubTitle,
            RulesPrimary = market.RulesPrimary,
            RulesSecondary = market.RulesSecondary,
            CreatedTime = created,
            OpenTime = open,
            CloseTime = draft.CloseTime,
            Status = notYetOpen ? MarketStatus.Initialized : MarketStatus.Active,
            CanCloseEarly = draft.CanCloseEarly,
            EarlyCloseCondition = draft.EarlyCloseCondition,
            StrikeType = market.StrikeType,
            FloorStrike = market.FloorStrike,
            Truth = market.Truth,
            Index = index,
        };

        if (notYetOpen)
        {
            return built;
        }

        var volume = (decimal)random.Next(200, 40_001);
        if (built.FractionalTrading)
        {
            volume += random.Cents(0, 99);
        }

        built.Volume = volume;
        built.Volume24h = Math.Min(volume, random.Next(0, 3_001));
        built.OpenInterest = Math.Round(volume * (decimal)random.Between(0.2, 0.7), built.FractionalTrading ? 2 : 0, MidpointRounding.ToZero);
        return built;
    }

    /// <summary>
    /// Some markets start just after news: the truth has jumped, informed traders have printed there, and the
    /// makers' centre is still 10–14¢ behind.
    /// </summary>
    private static void StartMidLag(Random random, List<SandboxMarket> trading, int markets)
    {
        var count = Math.Min(trading.Count, Math.Max(5, markets / 8));
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(i, trading.Count);
            (trading[i], trading[pick]) = (trading[pick], trading[i]);
            var market = trading[i];
            var last = RandomDraws.ToCent(market.Truth, 0.03m, 0.97m);
            market.Event.Truth.Pin(market.Index, (double)last.Dollars);
            market.Event.PublishTruths();
            var gap = random.Cents(10, 14);
            var below = last.Dollars - gap;
            var above = last.Dollars + gap;
            var useBelow = below >= 0.03m && (above > 0.97m || random.Next(2) == 0);
            market.LastPrice = last;
            market.QuoteCentre = Price.FromDollars(useBelow ? below : above);
            SetPrevious(random, market);
        }
    }

    private static void SetPrevious(Random random, SandboxMarket market)
    {
        var previous = Math.Clamp(market.QuoteCentre.Dollars + random.Cents(-3, 3), 0.02m, 0.98m);
        market.PreviousPrice = Price.FromDollars(previous);
        market.PreviousYesBid = Price.FromDollars(previous - 0.01m);
        market.PreviousYesAsk = Price.FromDollars(previous + 0.01m);
    }
}
