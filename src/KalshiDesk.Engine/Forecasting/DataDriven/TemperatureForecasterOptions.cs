namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>Configuration section <c>Forecasting:Temperature</c>. The model is off while <see cref="File"/> is empty.</summary>
public sealed class TemperatureForecasterOptions
{
    public const string Section = "Forecasting:Temperature";

    /// <summary>Path of the forecast CSV (see <see cref="TemperatureForecastFile"/>); relative paths are from the working directory. Default none: off.</summary>
    public string? File { get; set; }

    /// <summary>Series ticker → station id in the file, e.g. <c>"KXHIGHNY": "KNYC"</c> (Central Park). Series not listed are not forecast.</summary>
    public Dictionary<string, string> Stations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Read the strike from the ticker's <c>-T</c> suffix as "above" (the Sandbox's convention). Default false: on Kalshi
    /// the lowest T market is "below", so register an <see cref="IMarketStrikeSource"/> that reads strike_type instead.
    /// </summary>
    public bool TickerStrikes { get; set; }

    /// <summary>How often the file's time stamp and size are checked for a change. Default 5 s; 0 checks on every forecast.</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
