using System.Globalization;

namespace KalshiDesk.Sandbox.World;

/// <summary>
/// "Will X be above K?" series (temperatures, prices, rates): each event asks it for 1–4 adjacent strikes, and the
/// starting probabilities fall with the strike around the event's expected value.
/// </summary>
internal sealed class ThresholdTemplate(SandboxSeries series) : SeriesTemplate(series)
{
    public required Cadence Cadence { get; init; }

    /// <summary>The close, in ET (for <see cref="Cadence.Hourly"/>, one of <see cref="Hours"/>).</summary>
    public int CloseHour { get; init; }

    public int CloseMinute { get; init; }

    public IReadOnlyList<int> Hours { get; init; } = [];

    /// <summary>The typical value of the underlying, and the distance between strikes.</summary>
    public required decimal Typical { get; init; }

    public required decimal Step { get; init; }

    /// <summary>The strike as people write it ("60°F", "$98,000", "0.3%").</summary>
    public required Func<decimal, string> Display { get; init; }

    /// <summary>The strike as the ticker writes it, after the T ("60", "98000", "0.3").</summary>
    public Func<decimal, string> Code { get; init; } = v => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>{0} strike, {1} period ("Nov 24, 2026", "5pm ET on Nov 24, 2026", "October 2026").</summary>
    public required string MarketTitle { get; init; }

    /// <summary>{0} period.</summary>
    public required string EventTitle { get; init; }

    /// <summary>{0} strike, {1} period.</summary>
    public required string Rules { get; init; }

    public required string RulesSecondary { get; init; }

    public override EventDraft Draft(Random random, DateTimeOffset earliestClose)
    {
        var (close, code, period) = Schedule(random, earliestClose);
        var count = random.Next(1, 5);
        var expected = (double)Typical + (random.Gaussian() * 1.5 * (double)Step);
        var centreStrike = Math.Round((decimal)expected / Step, MidpointRounding.AwayFromZero) * Step;
        var first = Math.Max(Step, centreStrike - (Step * ((count - 1) / 2)));
        var markets = new List<MarketDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var strike = first + (i * Step);
            var shown = Display(strike);
            var truth = Logistic((expected - (double)strike) / Scale);
            markets.Add(new MarketDraft(
                "T" + Code(strike),
                string.Format(CultureInfo.InvariantCulture, MarketTitle, shown, period),
                $"Above {shown}",
                $"Above {shown}",
                $"{shown} or below",
                string.Format(CultureInfo.InvariantCulture, Rules, shown, period),
                RulesSecondary,
                "greater",
                strike,
                truth));
        }

        return new EventDraft(
            $"{Series.Ticker}-{code}",
            string.Format(CultureInfo.InvariantCulture, EventTitle, period),
            period.Length > 0 ? char.ToUpperInvariant(period[0]) + period[1..] : period,
            false,
            close,
            false,
            null,
            markets)
        {
            Ladder = (expected, Scale),
        };
    }

    /// <summary>Quarter-hour series open two hours ahead; the rest run 6 hours to 29 days.</summary>
    public override (TimeSpan Soonest, TimeSpan Latest) Lifetime =>
        Cadence == Cadence.QuarterHour ? (TimeSpan.FromMinutes(1), TimeSpan.FromHours(2)) : base.Lifetime;

    /// <summary>The spread of the underlying at the close: one strike step is worth about a quarter of the odds.</summary>
    private double Scale => 0.9 * (double)Step;

    private (DateTimeOffset Close, string Code, string Period) Schedule(Random random, DateTimeOffset earliest)
    {
        switch (Cadence)
        {
            case Cadence.Hourly:
            {
                var hour = random.Pick(Hours);
                var close = EasternCalendar.NextAt(earliest, hour, 0);
                var date = EasternCalendar.DateOf(close);
                return (close, EasternCalendar.DateCode(date) + hour.ToString("00", CultureInfo.InvariantCulture), $"{EasternCalendar.HourText(hour)} ET on {EasternCalendar.DateText(date)}");
            }

            case Cadence.QuarterHour:
            {
                var close = earliest.AddTicks(-(earliest.Ticks % TimeSpan.TicksPerMinute));
                close = close.AddMinutes((15 - (close.ToOffset(EasternCalendar.Offset).Minute % 15)) % 15);
                if (close < earliest)
                {
                    close = close.AddMinutes(15);
                }

                var local = close.ToOffset(EasternCalendar.Offset);
                var date = EasternCalendar.DateOf(close);
                var code = EasternCalendar.DateCode(date) + local.ToString("HHmm", CultureInfo.InvariantCulture);
                return (close, code, $"{local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant()} ET on {EasternCalendar.DateText(date)}");
            }
            case Cadence.Weekly:
            {
                var close = EasternCalendar.NextAt(earliest, CloseHour, CloseMinute);
                while (EasternCalendar.DateOf(close).DayOfWeek != DayOfWeek.Sunday)
                {
                    close = close.AddDays(1);
                }

                var date = EasternCalendar.DateOf(close);
                return (close, EasternCalendar.DateCode(date), $"the week ending {EasternCalendar.DateText(date)}");
            }

            case Cadence.Monthly:
            {
                var close = EasternCalendar.NextAt(earliest, CloseHour, CloseMinute);
                var month = EasternCalendar.DateOf(close).AddMonths(-1);
                return (close, EasternCalendar.MonthCode(month), EasternCalendar.MonthText(month));
            }

            default:
            {
                var close = EasternCalendar.NextAt(earliest, CloseHour, CloseMinute);
                var date = EasternCalendar.DateOf(close);
                return (close, EasternCalendar.DateCode(date), EasternCalendar.DateText(date));
            }
        }
    }
}
