using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// The models a CSV row is enough for: the price itself, the favourite–longshot prior, and the price recalibrated on
/// the settled history. Their names head the forecast file's model columns, in this order.
/// </summary>
public static class OfflineModels
{
    /// <summary>The YES price read as a probability (the same name as the live <see cref="MarketImpliedForecaster"/>).</summary>
    public const string MarketImplied = MarketImpliedForecaster.ModelName;

    /// <summary><see cref="FavouriteLongshotPrior"/> at the price (Kalshi's realised win rate by price, 2021–2025).</summary>
    public const string FavouriteLongshot = "favourite-longshot";

    /// <summary>The price through the recalibration learned from the settled history.</summary>
    public const string Recalibrated = "recalibrated";

    /// <summary>The model names, in column order.</summary>
    public static IReadOnlyList<string> All { get; } = [MarketImplied, FavouriteLongshot, Recalibrated];

    /// <summary>The price as a probability (0–1).</summary>
    public static Probability MarketImpliedAt(OpenMarketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Probability.Of((double)row.Price);
    }

    /// <summary>The favourite–longshot prior at the row's price and time to close (none when the row gives no times).</summary>
    public static Probability FavouriteLongshotAt(OpenMarketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return FavouriteLongshotPrior.ProbabilityAt(Price.FromDollars(row.Price), row.TimeToClose);
    }
}
