namespace KalshiDesk.Web.Hosting;

/// <summary>The <c>backtest</c> command line as typed: every value is checked by <see cref="BacktestCommand"/> before anything runs.</summary>
/// <param name="Data">The recording's path.</param>
/// <param name="Preset">conservative, balanced or aggressive; null for balanced.</param>
/// <param name="From">ISO 8601 start of trading, or null.</param>
/// <param name="To">ISO 8601 end of the replay, or null.</param>
/// <param name="Report">Where to write the HTML report, or null.</param>
/// <param name="Summary">Where to write the JSON summary, or null.</param>
/// <param name="Cash">Starting cash in dollars, or null for 1000.</param>
public sealed record BacktestRequest(string Data, string? Preset, string? From, string? To, string? Report, string? Summary, string? Cash);
