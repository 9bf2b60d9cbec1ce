namespace KalshiDesk.Sandbox.Matching;

/// <summary>Kalshi's <c>self_trade_prevention_type</c>.</summary>
internal enum SelfTradePrevention
{
    /// <summary>Stop matching at the account's own resting order; the rest of the incoming order is cancelled.</summary>
    TakerAtCross,

    /// <summary>Cancel the account's own resting order and keep matching.</summary>
    Maker,
}
