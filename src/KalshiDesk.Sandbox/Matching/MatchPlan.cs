using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>What an incoming order would do to the book, worked out before anything changes.</summary>
internal sealed class MatchPlan
{
    public List<Execution> Executions { get; } = [];

    /// <summary>The account's own resting orders that <see cref="SelfTradePrevention.Maker"/> cancels on the way.</summary>
    public List<RestingOrder> SelfTradeCancels { get; } = [];

    /// <summary>True when <see cref="SelfTradePrevention.TakerAtCross"/> stopped the order at the account's own order.</summary>
    public bool StoppedBySelfTrade { get; set; }

    public Quantity Filled { get; set; }

    /// <summary>Dollars the taker pays for the planned executions, before fees.</summary>
    public decimal Cost { get; set; }

    /// <summary>The taker fee of the planned executions, unrounded.</summary>
    public decimal RawTakerFee { get; set; }
}
