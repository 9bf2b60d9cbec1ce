using KalshiDesk.Domain.Risk;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Trading;

/// <summary>Refuses a preset name that does not exist.</summary>
public sealed class TradingOptionsValidator : IValidateOptions<TradingOptions>
{
    public ValidateOptionsResult Validate(string? name, TradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RiskPresets.TryGet(options.Preset, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Trading:Preset '{options.Preset}' is not a preset; use conservative, balanced or aggressive.");
    }
}
