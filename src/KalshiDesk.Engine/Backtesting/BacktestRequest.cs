using System.Globalization;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>A backtest asked for from the dashboard or the API.</summary>
/// <param name="Recording">The recording's name as shown: a sample's name, or an uploaded file's.</param>
/// <param name="From">Trading starts here (null: from the start); earlier observations only warm up calibration.</param>
/// <param name="To">The replay stops here (null: to the last settlement).</param>
/// <param name="StartingCash">The account's cash at the start, in dollars.</param>
public sealed record BacktestRequest(string Recording, RiskPreset Preset, DateTimeOffset? From, DateTimeOffset? To, decimal StartingCash)
{
    /// <summary>The most starting cash a run takes, in dollars.</summary>
    public const decimal MaxStartingCash = 1_000_000_000m;

    /// <summary>The first field that cannot be run with, and why; null when the request is good.</summary>
    public (string Field, string Message)? Problem()
    {
        if (StartingCash is <= 0m or > MaxStartingCash)
        {
            return ("cash", string.Create(CultureInfo.InvariantCulture, $"cash must be more than $0 and at most ${MaxStartingCash:#,0}, in dollars."));
        }

        return From is { } from && To is { } to && to <= from
            ? ("to", string.Create(CultureInfo.InvariantCulture, $"to ({to:yyyy-MM-dd'T'HH:mm'Z'}) must be after from ({from:yyyy-MM-dd'T'HH:mm'Z'})."))
            : null;
    }

    /// <summary>The replay's options for this request.</summary>
    public BacktestOptions Options() => new() { Preset = Preset, StartingCash = StartingCash, From = From, To = To };
}
