namespace KalshiDesk.Domain.Risk;

/// <summary>
/// The three presets, with the defaults of PRODUCT.md's preset table. The order-group limit (not in that table) caps
/// what live orders may match in 15 s: far above one trade (2.5% of a $10,000 account at 5¢ is 5,000 contracts for
/// aggressive), far below a loop sending orders without end.
/// </summary>
public static class RiskPresets
{
    public static RiskPreset Conservative { get; } = new(
        "conservative", 0.25m, 0.05, 0.01m, 0.15m, 0.03m, 10, 0.02m, 0.08m, 4, 0.04m, TimeSpan.FromHours(6), 0.35, 500m);

    public static RiskPreset Balanced { get; } = new(
        "balanced", 0.50m, 0.03, 0.025m, 0.30m, 0.075m, 25, 0.04m, 0.15m, 6, 0.06m, TimeSpan.FromHours(1), 0.50, 2_000m);

    public static RiskPreset Aggressive { get; } = new(
        "aggressive", 0.75m, 0.02, 0.05m, 0.50m, 0.15m, 50, 0.08m, 0.25m, 8, 0.10m, TimeSpan.FromMinutes(15), 0.75, 5_000m);

    public static IReadOnlyList<RiskPreset> All { get; } = [Conservative, Balanced, Aggressive];

    /// <summary>Finds a preset by name, ignoring case.</summary>
    public static bool TryGet(string? name, out RiskPreset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }

    /// <summary>Finds a preset by name, or throws naming the valid ones.</summary>
    public static RiskPreset Get(string? name) =>
        TryGet(name, out var preset)
            ? preset
            : throw new ArgumentException($"Unknown preset '{name}'; use conservative, balanced or aggressive.", nameof(name));
}
