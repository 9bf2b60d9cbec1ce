namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>How a market's YES is judged against its strike.</summary>
public enum StrikeKind
{
    /// <summary>YES when the value is above the floor strike (Kalshi's strike_type "greater", "greater_or_equal").</summary>
    Above,

    /// <summary>YES when the value is below the cap strike (Kalshi's strike_type "less", "less_or_equal").</summary>
    Below,
}
