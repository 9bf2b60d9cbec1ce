namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>One row of a settled-markets CSV: a market's YES price at some moment and how it resolved.</summary>
/// <param name="Ticker">The market's ticker.</param>
/// <param name="Category">The market's category (any label, e.g. Sports).</param>
/// <param name="Price">The YES price in dollars, strictly between 0 and 1.</param>
/// <param name="YesWon">Whether the market settled YES.</param>
/// <param name="CloseTime">When the market closed, UTC, when the file says.</param>
/// <param name="ObservedAt">When the price was seen, UTC, when the file says; never after <paramref name="CloseTime"/>.</param>
/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
public sealed record SettledMarketRow(
    string Ticker,
    string Category,
    decimal Price,
    bool YesWon,
    DateTimeOffset? CloseTime,
    DateTimeOffset? ObservedAt,
    int Line)
{
    /// <summary>The same market as an open row, as it looked before it settled.</summary>
    public OpenMarketRow AsOpen() => new(Ticker, Category, Price, CloseTime, ObservedAt, Line);
}
