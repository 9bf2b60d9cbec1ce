namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>One row of an open-markets CSV: a market to forecast.</summary>
/// <param name="Ticker">The market's ticker, once per file.</param>
/// <param name="Category">The market's category (any label, e.g. Sports).</param>
/// <param name="Price">The YES price in dollars, strictly between 0 and 1.</param>
/// <param name="CloseTime">When the market closes, UTC, when the file says.</param>
/// <param name="ObservedAt">When the price was seen, UTC, when the file says; never after <paramref name="CloseTime"/>.</param>
/// <param name="Line">The line of the file the row starts on (the header is line 1).</param>
public sealed record OpenMarketRow(
    string Ticker,
    string Category,
    decimal Price,
    DateTimeOffset? CloseTime,
    DateTimeOffset? ObservedAt,
    int Line)
{
    /// <summary>Time left to close when the price was seen, when both times are known.</summary>
    public TimeSpan? TimeToClose => CloseTime is { } close && ObservedAt is { } seen ? close - seen : null;
}
