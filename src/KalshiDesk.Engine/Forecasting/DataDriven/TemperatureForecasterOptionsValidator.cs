using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>One clear line per bad key. A missing file is not an error here: the model stands aside until it appears.</summary>
public sealed class TemperatureForecasterOptionsValidator : IValidateOptions<TemperatureForecasterOptions>
{
    private const string Prefix = TemperatureForecasterOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, TemperatureForecasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.File) && options.Stations.Count == 0)
        {
            failures.Add($"{Prefix}Stations must map at least one series to a station when {Prefix}File is set, e.g. \"KXHIGHNY\": \"KNYC\".");
        }

        foreach (var (series, station) in options.Stations)
        {
            if (string.IsNullOrWhiteSpace(station) || station.Contains(',', StringComparison.Ordinal))
            {
                failures.Add($"{Prefix}Stations:{series} '{station}' must be a station id as written in the file's station column.");
            }
        }

        if (options.ReloadCheckInterval < TimeSpan.Zero || options.ReloadCheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}ReloadCheckInterval {options.ReloadCheckInterval} must be from 00:00:00 to 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
