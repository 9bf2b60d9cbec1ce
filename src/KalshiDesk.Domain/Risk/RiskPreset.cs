namespace KalshiDesk.Domain.Risk;

/// <summary>The limits a desk trades under. Percentages are fractions of equity (0.025 = 2.5%).</summary>
/// <param name="Name">conservative, balanced or aggressive (or a custom name).</param>
/// <param name="KellyMultiplier">Fraction of full Kelly staked.</param>
/// <param name="MinEdge">Minimum edge net of fees, in probability points.</param>
/// <param name="MaxSingleTrade">Maximum cost of one trade (fee included), fraction of equity.</param>
/// <param name="MaxTotalExposure">Maximum total open exposure, fraction of equity.</param>
/// <param name="MaxEventExposure">Maximum exposure in one event's markets together, fraction of equity.</param>
/// <param name="MaxOpenPositions">Maximum number of markets held at once.</param>
/// <param name="DailyLossLimit">Loss of equity against the start of the New York day that halts trading, fraction.</param>
/// <param name="MaxDrawdown">Drawdown from the equity peak that halts trading, fraction.</param>
/// <param name="MaxConsecutiveLosses">Consecutive losing settlements that halt trading.</param>
/// <param name="MaxSpread">Widest YES bid-ask spread traded, in dollars.</param>
/// <param name="MinTimeToClose">Shortest time to close traded.</param>
/// <param name="MaxModelDisagreement">Largest standard deviation of the models' logits traded.</param>
/// <param name="OrderGroupContractsLimit">Contracts the exchange lets live orders match in any 15 s before it cancels them all (a runaway stop).</param>
public sealed record RiskPreset(
    string Name,
    decimal KellyMultiplier,
    double MinEdge,
    decimal MaxSingleTrade,
    decimal MaxTotalExposure,
    decimal MaxEventExposure,
    int MaxOpenPositions,
    decimal DailyLossLimit,
    decimal MaxDrawdown,
    int MaxConsecutiveLosses,
    decimal MaxSpread,
    TimeSpan MinTimeToClose,
    double MaxModelDisagreement,
    decimal OrderGroupContractsLimit);
