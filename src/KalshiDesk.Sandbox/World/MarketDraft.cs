namespace KalshiDesk.Sandbox.World;

/// <summary>A market as a series template proposes it; <paramref name="Truth"/> is its starting hidden probability.</summary>
internal sealed record MarketDraft(
    string TickerSuffix,
    string Title,
    string Subtitle,
    string YesSubTitle,
    string NoSubTitle,
    string RulesPrimary,
    string RulesSecondary,
    string StrikeType,
    decimal? FloorStrike,
    double Truth);
