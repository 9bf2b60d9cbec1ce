namespace KalshiDesk.Kalshi.Auth;

/// <summary>The configured API key cannot be used; the message names the setting and the fix, never the key.</summary>
public sealed class KalshiKeyException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
