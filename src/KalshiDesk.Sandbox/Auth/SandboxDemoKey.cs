namespace KalshiDesk.Sandbox.Auth;

/// <summary>
/// The demo account's API key, made by the Sandbox: sign with it exactly as with a key from Kalshi's account page
/// (<c>Kalshi:KeyId</c> = <see cref="KeyId"/>, <c>Kalshi:PrivateKey</c> = <see cref="PrivateKeyPem"/> or
/// <c>Kalshi:PrivateKeyPath</c> = <see cref="KeyPath"/>).
/// </summary>
/// <param name="KeyId">The key id (a GUID), stable across starts with the same <see cref="SandboxOptions.DataDirectory"/>.</param>
/// <param name="PrivateKeyPem">The RSA 2048 private key, PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</param>
/// <param name="KeyPath">The PEM file, or null when the key lives only in memory (no data directory).</param>
public sealed record SandboxDemoKey(string KeyId, string PrivateKeyPem, string? KeyPath)
{
    /// <summary>The file, beside the key, that holds <see cref="KeyId"/>.</summary>
    public const string KeyFileName = "sandbox-demo-key.pem";

    /// <summary>The file that holds the key id.</summary>
    public const string KeyIdFileName = "sandbox-demo-key.id";

    /// <summary>Never prints the private key.</summary>
    public override string ToString() => KeyPath is null ? $"demo key {KeyId} (in memory)" : $"demo key {KeyId} ({KeyPath})";
}
