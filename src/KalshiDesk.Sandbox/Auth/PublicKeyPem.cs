using System.Security.Cryptography;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>Reads an RSA public key given as PEM text or as the path of a PEM file (SubjectPublicKeyInfo or PKCS#1).</summary>
internal static class PublicKeyPem
{
    /// <summary>The key; anything else is one <see cref="ArgumentException"/> naming <paramref name="setting"/> and the fix.</summary>
    public static RSA Load(string value, string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var pem = value;
        if (!value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                pem = File.ReadAllText(value.Trim());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new ArgumentException($"{setting}: '{value.Trim()}' is neither PEM text nor a readable PEM file ({ex.GetType().Name}); pass the public key or the path of its .pem file.", ex);
            }
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException($"{setting}: no PEM block found; pass an RSA public key (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----).");
        }

        var label = pem[fields.Label];
        if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{setting}: is a private key; give the Sandbox only the public half (openssl rsa -in key.pem -pubout -out public.pem).");
        }

        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            throw new ArgumentException($"{setting}: is a PEM '{label}', not an RSA public key (PUBLIC KEY or RSA PUBLIC KEY).");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem[fields.Location]);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException($"{setting}: is not an RSA public key ({ex.Message.TrimEnd('.')}).", ex);
        }
    }
}
