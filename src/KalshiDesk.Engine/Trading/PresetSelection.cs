using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Engine.Trading;

/// <summary>The preset chosen, the overrides set for it, and the limits in force.</summary>
/// <param name="Preset">The preset table's values.</param>
/// <param name="Overrides">Overridden limits by name (<see cref="RiskLimits"/>), valid ones only.</param>
/// <param name="Effective">The preset with its overrides applied: what every gate enforces.</param>
public sealed record PresetSelection(RiskPreset Preset, IReadOnlyDictionary<string, decimal> Overrides, RiskPreset Effective);
