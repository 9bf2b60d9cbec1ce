using System.Globalization;
using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Domain.Risk;

/// <summary>
/// What a market's contract says, as far as its snapshot tells: the question (title), the strike and the close time.
/// Kalshi's market data does not carry the rules text, so a change of any of these stands for a change of rules: a
/// forecast made on the old terms no longer answers the new question.
/// </summary>
public sealed record MarketTerms(string Title, string? StrikeType, decimal? FloorStrike, DateTimeOffset CloseTime)
{
    /// <summary>The terms a snapshot states.</summary>
    public static MarketTerms Of(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return new MarketTerms(market.Title, market.StrikeType, market.FloorStrike, market.CloseTime);
    }

    /// <summary>What changed from <paramref name="before"/> to these terms, in a line, or null when nothing did.</summary>
    public string? ChangesFrom(MarketTerms before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        if (!string.Equals(Title, before.Title, StringComparison.Ordinal))
        {
            changes.Add($"title \"{before.Title}\" → \"{Title}\"");
        }

        if (!string.Equals(StrikeType, before.StrikeType, StringComparison.Ordinal) || FloorStrike != before.FloorStrike)
        {
            changes.Add($"strike {Strike(before)} → {Strike(this)}");
        }

        if (CloseTime != before.CloseTime)
        {
            changes.Add($"close time {Time(before.CloseTime)} → {Time(CloseTime)}");
        }

        return changes.Count == 0 ? null : string.Join(", ", changes);
    }

    private static string Strike(MarketTerms terms) =>
        string.Create(CultureInfo.InvariantCulture, $"{terms.StrikeType ?? "none"} {terms.FloorStrike?.ToString(CultureInfo.InvariantCulture) ?? "-"}");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
