namespace KalshiDesk.Engine.Risk;

/// <summary>One limit of the preset in force, as the Risk page shows it.</summary>
/// <param name="Name">The API's name, used to override it ("maxSpread").</param>
/// <param name="Label">The preset table's words.</param>
/// <param name="Unit">What the number counts.</param>
/// <param name="Value">The value enforced.</param>
/// <param name="PresetValue">The preset table's value.</param>
/// <param name="Overridden">True when a person overrode the preset's value.</param>
public sealed record LimitView(string Name, string Label, string Unit, decimal Value, decimal PresetValue, bool Overridden);
