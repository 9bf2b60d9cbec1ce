using KalshiDesk.Domain.Risk;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>Refuses a preset name that does not exist, and Live mode until the live broker is wired.</summary>
public sealed class TradingOptionsValidator : IValidateOptions<TradingOptions>
{
    public ValidateOptionsResult Validate(string? name, TradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!RiskPresets.TryGet(options.Preset, out _))
        {
            return ValidateOptionsResult.Fail($"Trading:Preset '{options.Preset}' is not a preset; use conservative, balanced or aggressive.");
        }

        if (options.Mode == TradingMode.Live)
        {
            return ValidateOptionsResult.Fail("Trading:Mode Live is not available in this version; set Trading:Mode to Paper.");
        }

        return ValidateOptionsResult.Success;
    }
}
