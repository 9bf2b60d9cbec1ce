using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using KalshiDesk.Kalshi.Auth;

namespace KalshiDesk.Kalshi.Tests.Auth;

public class KalshiRequestSignerTests
{
    [Fact]
    public void Message_StripsTheQueryAndUppercasesTheMethod() =>
        Assert.Equal("1704067200000GET/trade-api/v2/portfolio/orders", KalshiRequestSigner.Message(1704067200000, "get", "/trade-api/v2/portfolio/orders?limit=5"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sign_VerifiesWithThePublicKey_ForPkcs1AndPkcs8(bool pkcs8)
    {
        using var rsa = RSA.Create(2048);
        var pem = pkcs8 ? rsa.ExportPkcs8PrivateKeyPem() : rsa.ExportRSAPrivateKeyPem();
        using var signer = KalshiRequestSigner.FromPem("key-1", pem);

        var signature = Convert.FromBase64String(signer.Sign(1704067200000, "GET", "/trade-api/v2/exchange/status?x=1"));

        Assert.Equal(256, signature.Length);
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes("1704067200000GET/trade-api/v2/exchange/status"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    [Fact]
    public async Task Sign_VerifiesWithOpenssl_UsingDigestLengthSalt()
    {
        using var rsa = RSA.Create(2048);
        using var signer = KalshiRequestSigner.FromPem("key-1", rsa.ExportRSAPrivateKeyPem());
        var dir = Directory.CreateTempSubdirectory("kalshi-sign-");
        try
        {
            var message = KalshiRequestSigner.Message(1704067200000, "POST", "/trade-api/v2/portfolio/events/orders");
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "msg"), message);
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "sig"), Convert.FromBase64String(signer.Sign(1704067200000, "POST", "/trade-api/v2/portfolio/events/orders")));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "pub.pem"), rsa.ExportSubjectPublicKeyInfoPem());

            var info = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-verify", "pub.pem", "-signature", "sig", "msg"])
            {
                WorkingDirectory = dir.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal("Verified OK", output.Trim());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void FromPem_EncryptedKey_IsOneClearError()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

        var ex = Assert.Throws<KalshiKeyException>(() => KalshiRequestSigner.FromPem("key-1", pem));

        Assert.Contains("encrypted private key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_NotAKey_IsOneClearErrorWithoutTheText()
    {
        var ex = Assert.Throws<KalshiKeyException>(() => KalshiRequestSigner.FromPem("key-1", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));

        Assert.Contains("is not an RSA private key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPemFile_Missing_NamesTheSetting()
    {
        var ex = Assert.Throws<KalshiKeyException>(() => KalshiRequestSigner.FromPemFile("key-1", "/nonexistent/key.pem"));

        Assert.StartsWith("Kalshi:PrivateKeyPath '/nonexistent/key.pem' cannot be read", ex.Message, StringComparison.Ordinal);
    }
}
