using System.Globalization;

namespace KalshiDesk.Domain.Risk;

/// <summary>One limit of a preset that a person may override: its name, unit, valid range and where it lives in a preset.</summary>
/// <param name="Name">The API's name (camelCase, as in the preset table's JSON): "dailyLossLimit".</param>
/// <param name="Label">The preset table's words: "daily loss limit".</param>
/// <param name="Unit">What the number counts: "fraction of equity", "dollars", "minutes", …</param>
/// <param name="Min">The smallest value accepted.</param>
/// <param name="Max">The largest value accepted.</param>
/// <param name="Whole">Only whole numbers (counts).</param>
public sealed record RiskLimit(string Name, string Label, string Unit, decimal Min, decimal Max, bool Whole)
{
    /// <summary>Reads the limit's value from a preset.</summary>
    public required Func<RiskPreset, decimal> Read { get; init; }

    /// <summary>A copy of a preset with the limit set to a value (already validated).</summary>
    public required Func<RiskPreset, decimal, RiskPreset> Write { get; init; }

    /// <summary>Why <paramref name="value"/> cannot be this limit, or null when it can.</summary>
    public string? Validate(decimal value)
    {
        if (value < Min || value > Max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Name} must be between {Min} and {Max} ({Unit}); {value} is not");
        }

        if (Whole && decimal.Truncate(value) != value)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Name} must be a whole number ({Unit}); {value} is not");
        }

        return null;
    }
}
