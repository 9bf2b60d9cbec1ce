using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KalshiDesk.Kalshi.Auth;

/// <summary>
/// Kalshi's request signature: RSA-PSS, SHA-256, salt length = digest length, over
/// timestamp-ms + METHOD + path (with /trade-api/v2, without the query string), Base64-encoded.
/// </summary>
public sealed class KalshiRequestSigner : IDisposable
{
    private readonly RSA _rsa;

    private KalshiRequestSigner(string keyId, RSA rsa)
    {
        KeyId = keyId;
        _rsa = rsa;
    }

    public string KeyId { get; }

    /// <summary>Loads a PEM private key (PKCS#1 or PKCS#8); any problem is one clear error that never echoes the key.</summary>
    public static KalshiRequestSigner FromPemFile(string keyId, string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KalshiKeyException($"Kalshi:PrivateKeyPath '{path}' cannot be read ({ex.GetType().Name}); point it at your PEM key file.", ex);
        }

        return FromPem(keyId, pem, path);
    }

    public static KalshiRequestSigner FromPem(string keyId, string pem, string source = "the configured key")
    {
        if (pem.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            throw new KalshiKeyException($"{source} is an encrypted private key; export it unencrypted (openssl rsa -in key.pem -out plain.pem).");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw new KalshiKeyException($"{source} is not an RSA private key in PEM form (PKCS#1 'RSA PRIVATE KEY' or PKCS#8 'PRIVATE KEY').");
        }

        return new KalshiRequestSigner(keyId, rsa);
    }

    /// <summary>The exact text that is signed.</summary>
    public static string Message(long timestampMs, string method, string pathAndQuery) =>
        timestampMs.ToString(CultureInfo.InvariantCulture) + method.ToUpperInvariant() + pathAndQuery.Split('?', 2)[0];

    public string Sign(long timestampMs, string method, string pathAndQuery) =>
        Convert.ToBase64String(_rsa.SignData(Encoding.UTF8.GetBytes(Message(timestampMs, method, pathAndQuery)), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

    public void Dispose() => _rsa.Dispose();
}
