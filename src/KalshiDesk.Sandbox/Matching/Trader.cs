namespace KalshiDesk.Sandbox.Matching;

/// <summary>Who owns an order: the one demo account, or one of the world's simulated traders.</summary>
internal enum Trader
{
    /// <summary>The demo account the API trades for.</summary>
    Account,

    /// <summary>The market makers who quote every active market around a lagging centre.</summary>
    Maker,

    /// <summary>Traders who know the truth and trade on it after it jumps.</summary>
    Informed,

    /// <summary>Uninformed flow: whoever takes the other side of the informed traders' prints.</summary>
    Noise,
}
