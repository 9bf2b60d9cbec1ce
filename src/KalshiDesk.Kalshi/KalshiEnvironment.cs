namespace KalshiDesk.Kalshi;

/// <summary>Which exchange the desk talks to.</summary>
public enum KalshiEnvironment
{
    /// <summary>The built-in Kalshi-compatible exchange on loopback (offline, simulated markets).</summary>
    Sandbox,

    /// <summary>Kalshi's demo exchange (mock funds, separate credentials).</summary>
    Demo,

    /// <summary>Kalshi's production exchange (real money).</summary>
    Production,
}
