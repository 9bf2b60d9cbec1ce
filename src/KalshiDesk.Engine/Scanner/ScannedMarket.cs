namespace KalshiDesk.Engine.Scanner;

/// <summary>One market as the last cycle saw and decided it.</summary>
/// <param name="Ticker">The market's ticker.</param>
/// <param name="EventTicker">Its event's ticker.</param>
/// <param name="Title">The market's title.</param>
/// <param name="Category">The series' category, or empty.</param>
/// <param name="YesBid">The YES bid in dollars, or null when nobody bids.</param>
/// <param name="YesAsk">The YES ask in dollars, or null when nobody offers.</param>
/// <param name="LastPrice">The last trade's price in dollars, or null.</param>
/// <param name="MarketProbability">The YES mid read as a probability, or null.</param>
/// <param name="Estimate">The desk's calibrated probability of YES, or null when no model could price it.</param>
/// <param name="Side">The better side, "yes" or "no", or null when neither has a price.</param>
/// <param name="Edge">That side's edge net of fees, in probability points, or null.</param>
/// <param name="Stage">How far it got: scanned, priced, edge, sized, risk-passed or proposed.</param>
/// <param name="Decision">"proposed" or "skipped".</param>
/// <param name="Reason">Why it stopped, or null when proposed.</param>
/// <param name="ClosesAt">When trading closes.</param>
public sealed record ScannedMarket(
    string Ticker,
    string EventTicker,
    string Title,
    string Category,
    decimal? YesBid,
    decimal? YesAsk,
    decimal? LastPrice,
    double? MarketProbability,
    double? Estimate,
    string? Side,
    double? Edge,
    string Stage,
    string Decision,
    string? Reason,
    DateTimeOffset ClosesAt);
