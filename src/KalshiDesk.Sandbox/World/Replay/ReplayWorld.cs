using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.World.Replay;

/// <summary>
/// Builds a world from recorded markets: one market per recorded ticker, grouped into events by the ticker's prefix
/// (KXHIGHNY-26NOV24-T60 is in event KXHIGHNY-26NOV24 of series KXHIGHNY), each opening at its first observation and
/// closing at its close, on a clock running <c>speed</c> times faster than the recording.
/// </summary>
internal static class ReplayWorld
{
    public static SandboxWorld Create(IReadOnlyList<RecordedMarket> recorded, double speed, int seed, DateTimeOffset now)
    {
        var clock = new ReplayClock(recorded.Min(m => m.Path[0].At), now, speed);
        var series = new Dictionary<string, SandboxSeries>(StringComparer.Ordinal);
        var events = new List<SandboxEvent>();
        foreach (var group in recorded.GroupBy(m => EventOf(m.Ticker), StringComparer.Ordinal))
        {
            var members = group.ToList();
            var seriesTicker = members[0].Ticker.Split('-')[0];
            if (!series.TryGetValue(seriesTicker, out var owner))
            {
                owner = new SandboxSeries(seriesTicker, $"{seriesTicker} (replay)", members[0].Category, "custom", ["Replay"], "Recorded data", "https://kalshi.com/", FeeSchedule.Standard, false);
                series.Add(seriesTicker, owner);
            }

            var replayed = new SandboxEvent
            {
                EventTicker = group.Key,
                Series = owner,
                Title = $"{group.Key} (replay)",
                SubTitle = "Recorded market",
                MutuallyExclusive = false,
                StrikeDate = clock.ToSandbox(members.Max(m => m.Close)),
            };
            var index = 0;
            foreach (var market in members)
            {
                var open = clock.ToSandbox(market.Path[0].At);
                var close = clock.ToSandbox(market.Close);
                if (close <= open)
                {
                    close = open.AddSeconds(1);
                }

                var first = Price.FromDollars(market.Path[0].Price);
                replayed.Markets.Add(new SandboxMarket
                {
                    Ticker = market.Ticker,
                    Event = replayed,
                    Title = $"{market.Ticker}?",
                    Subtitle = "Recorded market",
                    YesSubTitle = "Yes",
                    NoSubTitle = "No",
                    RulesPrimary = $"If {market.Ticker} resolved Yes in the recording, then the market resolves to Yes.",
                    RulesSecondary = "Replayed from recorded prices and outcomes.",
                    CreatedTime = open,
                    OpenTime = open,
                    CloseTime = close,
                    Status = open <= now ? MarketStatus.Active : MarketStatus.Initialized,
                    CanCloseEarly = false,
                    StrikeType = "custom",
                    Truth = (double)first.Dollars,
                    QuoteCentre = first,
                    LastPrice = first,
                    PreviousPrice = first,
                    PreviousYesBid = Price.FromDollars(Math.Max(0.01m, first.Dollars - 0.01m)),
                    PreviousYesAsk = Price.FromDollars(Math.Min(0.99m, first.Dollars + 0.01m)),
                    Index = index++,
                });
            }

            replayed.Truth = new RecordedTruth(members);
            events.Add(replayed);
        }

        return new SandboxWorld(events, new Random(seed), new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero), [.. series.Values], clock);
    }

    private static string EventOf(string ticker)
    {
        var last = ticker.LastIndexOf('-');
        return last > 0 && ticker.IndexOf('-', StringComparison.Ordinal) != last ? ticker[..last] : ticker;
    }
}
