namespace KalshiDesk.Engine.Risk;

/// <summary>One position the kill switch sold. Money in dollars.</summary>
/// <param name="Contracts">Contracts held before the exit.</param>
/// <param name="Sold">Contracts sold (an IOC order sells what the book takes; the rest stays held).</param>
/// <param name="AveragePrice">Volume-weighted sale price of the side held, or null when nothing sold.</param>
/// <param name="Proceeds">Sold × sale prices, before the fee.</param>
/// <param name="Fee">The exit's taker fee.</param>
/// <param name="Error">Why the position could not be sold, or null.</param>
public sealed record ExitReport(string Ticker, string Side, decimal Contracts, decimal Sold, decimal? AveragePrice, decimal Proceeds, decimal Fee, string? Error);
