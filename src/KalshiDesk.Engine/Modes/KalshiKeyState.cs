namespace KalshiDesk.Engine.Modes;

/// <summary>Whether the desk has a Kalshi API key it can sign with.</summary>
public enum KalshiKeyState
{
    /// <summary>Kalshi:KeyId and a private key that loads.</summary>
    Configured,

    /// <summary>Neither Kalshi:KeyId nor a private key is set.</summary>
    Missing,

    /// <summary>Half configured, unreadable or not a private key: <see cref="KalshiDesk.Kalshi.Auth.KalshiKeyException"/>'s message says which.</summary>
    Unusable,
}
