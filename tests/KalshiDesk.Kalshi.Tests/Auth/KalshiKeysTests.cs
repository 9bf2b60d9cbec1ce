using System.Security.Cryptography;
using KalshiDesk.Kalshi.Auth;

namespace KalshiDesk.Kalshi.Tests.Auth;

public class KalshiKeysTests
{
    [Fact]
    public void Load_NothingConfigured_MeansNoSigner() =>
        Assert.Null(KalshiKeys.Load(new KalshiOptions()));

    [Fact]
    public void Load_PemFromTheEnvironment_Signs()
    {
        using var rsa = RSA.Create(2048);
        using var signer = KalshiKeys.Load(new KalshiOptions { KeyId = "k", PrivateKey = rsa.ExportPkcs8PrivateKeyPem() });

        Assert.Equal("k", signer!.KeyId);
    }

    [Theory]
    [InlineData(null, "/tmp/key.pem", null, "Kalshi:KeyId is missing")]
    [InlineData("k", null, null, "Kalshi:KeyId is set but no key is")]
    [InlineData("k", "/tmp/key.pem", "PEM", "are both set")]
    public void Load_HalfConfigured_IsOneClearError(string? keyId, string? path, string? pem, string expected)
    {
        var ex = Assert.Throws<KalshiKeyException>(() => KalshiKeys.Load(new KalshiOptions { KeyId = keyId, PrivateKeyPath = path, PrivateKey = pem }));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
