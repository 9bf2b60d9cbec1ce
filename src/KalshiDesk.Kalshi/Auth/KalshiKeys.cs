namespace KalshiDesk.Kalshi.Auth;

/// <summary>Finds the API key: <c>Kalshi:KeyId</c> with <c>Kalshi:PrivateKeyPath</c> (a PEM file) or <c>Kalshi:PrivateKey</c> (the PEM text, e.g. from the environment).</summary>
public static class KalshiKeys
{
    /// <summary>The signer, or null when no key is configured; a half-configured or unusable key is one clear error.</summary>
    public static KalshiRequestSigner? Load(KalshiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasPath = !string.IsNullOrWhiteSpace(options.PrivateKeyPath);
        var hasPem = !string.IsNullOrWhiteSpace(options.PrivateKey);
        if (string.IsNullOrWhiteSpace(options.KeyId))
        {
            return hasPath || hasPem
                ? throw new KalshiKeyException("Kalshi:KeyId is missing: set it to the API key id shown beside your key on Kalshi's account page.")
                : null;
        }

        if (hasPath && hasPem)
        {
            throw new KalshiKeyException("Kalshi:PrivateKeyPath and Kalshi:PrivateKey are both set: keep one.");
        }

        if (hasPath)
        {
            return KalshiRequestSigner.FromPemFile(options.KeyId, options.PrivateKeyPath!);
        }

        return hasPem
            ? KalshiRequestSigner.FromPem(options.KeyId, options.PrivateKey!, "Kalshi:PrivateKey")
            : throw new KalshiKeyException("Kalshi:KeyId is set but no key is: set Kalshi:PrivateKeyPath to your PEM file (or Kalshi:PrivateKey to its text).");
    }
}
