namespace KalshiDesk.Sandbox.World;

/// <summary>The Fed's rate decision: one event per meeting, 2–4 mutually exclusive outcomes.</summary>
internal sealed class FedDecisionTemplate(SandboxSeries series) : SeriesTemplate(series)
{
    private static readonly (string Code, string Phrase, string Short)[] Outcomes =
    [
        ("H0", "hold rates", "Hold"),
        ("C25", "cut rates by 25 bps", "Cut 25bps"),
        ("C50", "cut rates by 50 bps", "Cut 50bps"),
        ("H25", "hike rates by 25 bps", "Hike 25bps"),
    ];

    public override EventDraft Draft(Random random, DateTimeOffset earliestClose)
    {
        // Decisions are announced at 2pm ET.
        var close = EasternCalendar.NextAt(earliestClose, 14, 0);
        var date = EasternCalendar.DateOf(close);
        var meeting = $"{EasternCalendar.MonthText(date)} meeting";
        var hold = random.Between(0.35, 0.85);
        var cut25 = (1 - hold) * random.Between(0.55, 0.85);
        var cut50 = (1 - hold - cut25) * 0.7;
        double[] odds = [hold, cut25, cut50, Math.Max(0, 1 - hold - cut25 - cut50)];
        var count = random.Next(2, 5);
        var markets = new List<MarketDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var (code, phrase, label) = Outcomes[i];
            markets.Add(new MarketDraft(
                code,
                $"Will the Fed {phrase} at its {meeting}?",
                label,
                label,
                label,
                $"If the Federal Reserve announces that it will {phrase} at its {meeting}, then the market resolves to Yes.",
                "The market resolves on the target range for the federal funds rate in the FOMC statement. Source: Federal Reserve.",
                "custom",
                null,
                Bounded(odds[i])));
        }

        return new EventDraft(
            $"{Series.Ticker}-{EasternCalendar.MonthCode(date)}",
            $"Fed decision in {EasternCalendar.MonthText(date)}?",
            meeting[0..1].ToUpperInvariant() + meeting[1..],
            true,
            close,
            false,
            null,
            markets);
    }
}
