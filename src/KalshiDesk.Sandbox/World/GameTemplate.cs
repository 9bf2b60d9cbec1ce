namespace KalshiDesk.Sandbox.World;

/// <summary>A league's games: one event per game, one market per team (mutually exclusive).</summary>
internal sealed class GameTemplate(SandboxSeries series) : SeriesTemplate(series)
{
    public required string League { get; init; }

    /// <summary>Tip-off or kick-off, ET; the market closes three hours later.</summary>
    public required int StartHour { get; init; }

    public required IReadOnlyList<(string Code, string Name)> Teams { get; init; }

    public override EventDraft Draft(Random random, DateTimeOffset earliestClose)
    {
        var close = EasternCalendar.NextAt(earliestClose, StartHour + 3, 0);
        var date = EasternCalendar.DateOf(close);
        var away = random.Next(Teams.Count);
        var home = (away + 1 + random.Next(Teams.Count - 1)) % Teams.Count;
        var (awayCode, awayName) = Teams[away];
        var (homeCode, homeName) = Teams[home];
        var title = $"{awayName} at {homeName} Winner?";
        var homeWins = random.Between(0.30, 0.75);
        var markets = new List<MarketDraft>(2);
        foreach (var (code, name, truth) in new[] { (awayCode, awayName, 1 - homeWins), (homeCode, homeName, homeWins) })
        {
            markets.Add(new MarketDraft(
                code,
                title,
                name,
                name,
                name,
                $"If {name} wins the {awayName} at {homeName} {League} game originally scheduled for {EasternCalendar.DateText(date)}, then the market resolves to Yes.",
                $"A game postponed beyond two days resolves at the fair price. Source: official {League} box score.",
                "custom",
                null,
                Bounded(truth)));
        }

        return new EventDraft(
            $"{Series.Ticker}-{EasternCalendar.DateCode(date)}{awayCode}{homeCode}",
            title,
            $"{awayCode} at {homeCode} ({EasternCalendar.DateText(date)})",
            true,
            close,
            true,
            "This market will close and expire early if the game ends before the scheduled close.",
            markets);
    }
}
