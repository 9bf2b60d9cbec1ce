namespace KalshiDesk.Data.Entities;

/// <summary>A setting changed at run time (the active preset, for one), overriding configuration.</summary>
public sealed class DeskSettingEntity
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
