namespace KalshiDesk.Domain.Risk;

/// <summary>
/// Every limit of PRODUCT.md's preset table, in its order, as something a person may override per preset. Ranges keep an
/// override meaningful (a fraction of equity above 0 and at most 1, a count of at least 1) without judging the
/// trader's taste.
/// </summary>
public static class RiskLimits
{
    private const string OfEquity = "fraction of equity";

    /// <summary>The limits in the preset table's order.</summary>
    public static IReadOnlyList<RiskLimit> All { get; } =
    [
        new("kellyMultiplier", "Kelly multiplier", "fraction of full Kelly", 0.01m, 1m, false)
        {
            Read = p => p.KellyMultiplier,
            Write = (p, v) => p with { KellyMultiplier = v },
        },
        new("minEdge", "minimum edge, net of fees", "probability points", 0m, 0.5m, false)
        {
            Read = p => (decimal)p.MinEdge,
            Write = (p, v) => p with { MinEdge = (double)v },
        },
        new("maxSingleTrade", "max cost of one trade", OfEquity, 0.001m, 1m, false)
        {
            Read = p => p.MaxSingleTrade,
            Write = (p, v) => p with { MaxSingleTrade = v },
        },
        new("maxTotalExposure", "max total open exposure", OfEquity, 0.001m, 1m, false)
        {
            Read = p => p.MaxTotalExposure,
            Write = (p, v) => p with { MaxTotalExposure = v },
        },
        new("maxEventExposure", "max exposure in one event", OfEquity, 0.001m, 1m, false)
        {
            Read = p => p.MaxEventExposure,
            Write = (p, v) => p with { MaxEventExposure = v },
        },
        new("maxOpenPositions", "max open positions", "positions", 1m, 10_000m, true)
        {
            Read = p => p.MaxOpenPositions,
            Write = (p, v) => p with { MaxOpenPositions = (int)v },
        },
        new("dailyLossLimit", "daily loss limit", "fraction of day-start equity", 0.001m, 1m, false)
        {
            Read = p => p.DailyLossLimit,
            Write = (p, v) => p with { DailyLossLimit = v },
        },
        new("maxDrawdown", "drawdown from equity peak", "fraction of peak equity", 0.001m, 1m, false)
        {
            Read = p => p.MaxDrawdown,
            Write = (p, v) => p with { MaxDrawdown = v },
        },
        new("maxConsecutiveLosses", "consecutive losing settlements", "settlements", 1m, 1_000m, true)
        {
            Read = p => p.MaxConsecutiveLosses,
            Write = (p, v) => p with { MaxConsecutiveLosses = (int)v },
        },
        new("maxSpread", "max bid-ask spread", "dollars", 0.01m, 1m, false)
        {
            Read = p => p.MaxSpread,
            Write = (p, v) => p with { MaxSpread = v },
        },
        new("minTimeToClose", "min time to close", "minutes", 0m, 43_200m, false)
        {
            Read = p => (decimal)p.MinTimeToClose.TotalMinutes,
            Write = (p, v) => p with { MinTimeToClose = TimeSpan.FromMinutes((double)v) },
        },
        new("maxModelDisagreement", "max model disagreement", "sd of model logits", 0.01m, 10m, false)
        {
            Read = p => (decimal)p.MaxModelDisagreement,
            Write = (p, v) => p with { MaxModelDisagreement = (double)v },
        },
    ];

    /// <summary>Finds a limit by its API name, ignoring case.</summary>
    public static bool TryGet(string? name, out RiskLimit limit)
    {
        limit = All.FirstOrDefault(l => string.Equals(l.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return limit is not null;
    }

    /// <summary>
    /// <paramref name="preset"/> with each valid override applied; an unknown name or a value out of range (a row edited
    /// by hand) is skipped, so a bad stored value can never loosen a limit beyond its range.
    /// </summary>
    public static RiskPreset Apply(RiskPreset preset, IReadOnlyDictionary<string, decimal> overrides)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var (name, value) in overrides)
        {
            if (TryGet(name, out var limit) && limit.Validate(value) is null)
            {
                preset = limit.Write(preset, value);
            }
        }

        return preset;
    }
}
