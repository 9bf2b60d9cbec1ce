using System.Security.Cryptography;
using KalshiDesk.Kalshi;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// Which key the desk signs with against the built-in Sandbox: its own key, if one is configured (the Sandbox is then told to
/// accept it), else the Sandbox's demo key.
/// </summary>
internal static class SandboxKeys
{
    private const string KeyId = $"{KalshiOptions.Section}:{nameof(KalshiOptions.KeyId)}";
    private const string PrivateKey = $"{KalshiOptions.Section}:{nameof(KalshiOptions.PrivateKey)}";
    private const string PrivateKeyPath = $"{KalshiOptions.Section}:{nameof(KalshiOptions.PrivateKeyPath)}";

    /// <summary>Whether any of Kalshi:KeyId, Kalshi:PrivateKey and Kalshi:PrivateKeyPath is set.</summary>
    public static bool DeskHasOwnKey(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[KeyId]) || !string.IsNullOrWhiteSpace(configuration[PrivateKey]) || !string.IsNullOrWhiteSpace(configuration[PrivateKeyPath]);

    /// <summary>
    /// Before the Sandbox starts: a desk with its own key (and a Sandbox not given another) has the Sandbox accept that key's
    /// public half. A key that cannot be read is left alone: the client reports it, naming the setting.
    /// </summary>
    public static void AcceptDeskKey(SandboxOptions sandbox, IConfiguration configuration)
    {
        var keyId = configuration[KeyId];
        if (string.IsNullOrWhiteSpace(keyId) || !string.IsNullOrWhiteSpace(sandbox.KeyId) || !string.IsNullOrWhiteSpace(sandbox.PublicKey))
        {
            return;
        }

        try
        {
            var path = configuration[PrivateKeyPath];
            var pem = !string.IsNullOrWhiteSpace(path) ? File.ReadAllText(path) : configuration[PrivateKey];
            if (string.IsNullOrWhiteSpace(pem) || pem.Contains("ENCRYPTED", StringComparison.Ordinal))
            {
                return;
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            sandbox.KeyId = keyId.Trim();
            sandbox.PublicKey = rsa.ExportSubjectPublicKeyInfoPem();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            // KalshiKeys.Load says what is wrong with it.
        }
    }

    /// <summary>After the Sandbox starts: a desk without a key of its own signs with the demo key.</summary>
    public static void UseDemoKeyUnlessOwn(IConfiguration configuration, SandboxServer server)
    {
        if (!DeskHasOwnKey(configuration))
        {
            configuration[KeyId] = server.DemoKey.KeyId;
            configuration[PrivateKey] = server.DemoKey.PrivateKeyPem;
        }
    }
}
