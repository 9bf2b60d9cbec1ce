namespace KalshiDesk.Kalshi.Auth;

/// <summary>The process's one signer, or none when no key is configured.</summary>
public sealed class KalshiSignerHolder(KalshiRequestSigner? signer) : IDisposable
{
    public KalshiRequestSigner? Signer { get; } = signer;

    public void Dispose() => Signer?.Dispose();
}
