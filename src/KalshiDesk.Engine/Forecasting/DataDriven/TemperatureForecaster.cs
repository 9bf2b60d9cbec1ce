using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>
/// Daily-high markets from a temperature forecast file: the high is taken as normal with the file's mean and sd, so
/// "above k" is p = 1 − Φ((k − mean)/sd). The worked example of a data-driven forecaster (docs/forecasters.md).
/// </summary>
public sealed class TemperatureForecaster : IForecaster
{
    public const string ModelName = "temperature";

    /// <summary>Never certainty, as for every model: a 1¢ floor and ceiling keep logits and Kelly finite.</summary>
    private const double Floor = 0.01;

    private readonly TemperatureForecastStore _store;
    private readonly IMarketStrikeSource _strikes;
    private readonly Dictionary<string, string> _stations;

    public TemperatureForecaster(TemperatureForecastStore store, IMarketStrikeSource strikes, IReadOnlyDictionary<string, string> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _strikes = strikes ?? throw new ArgumentNullException(nameof(strikes));
        _stations = new Dictionary<string, string>(stations, StringComparer.OrdinalIgnoreCase);
    }

    public string Name => ModelName;

    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (!_stations.TryGetValue(market.SeriesTicker, out var station)
            || KalshiEventDate.Parse(market.EventTicker) is not { } date
            || _strikes.Find(market) is not { } strike
            || _store.Current?.Find(station, date, decisionTime) is not { } row)
        {
            return null;
        }

        var p = Math.Clamp(strike.ProbabilityYes(row.HighF, row.SdF), Floor, 1 - Floor);

        // A next-day forecast misses by about 2–3 °F (sd); one several days out by 5 or more. Confidence falls with the sd:
        // 2 °F → 0.8, 5 °F → 0.5, at least 0.1.
        var confidence = Math.Clamp(1 - (row.SdF / 10), 0.1, 0.9);
        var inputs = new Dictionary<string, string>
        {
            ["station"] = row.Station,
            ["date"] = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["forecast_high_f"] = row.HighF.ToString(CultureInfo.InvariantCulture),
            ["sd_f"] = row.SdF.ToString(CultureInfo.InvariantCulture),
            ["strike"] = (strike.Kind == StrikeKind.Above ? "above " : "below ") + strike.Value.ToString(CultureInfo.InvariantCulture),
            ["issued_at"] = row.IssuedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "unknown",
            ["line"] = row.Line.ToString(CultureInfo.InvariantCulture),
        };
        return new Forecast(Name, Probability.Of(p), confidence, decisionTime, inputs);
    }
}
