namespace KalshiDesk.Domain.Sizing;

/// <summary>What bounded a trade's size.</summary>
public enum SizingLimit
{
    /// <summary>No stake: the edge is not positive.</summary>
    NoEdge,

    /// <summary>The fractional-Kelly stake itself.</summary>
    Kelly,

    /// <summary>The preset's maximum cost of one trade.</summary>
    MaxSingleTrade,

    /// <summary>The cash available.</summary>
    Cash,

    /// <summary>The contracts offered at acceptable prices.</summary>
    Depth,

    /// <summary>The next contract's edge, at its own price level, is below the minimum: the book ran out of edge.</summary>
    Edge,
}
