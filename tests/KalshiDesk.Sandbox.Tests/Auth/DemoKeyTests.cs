using System.Security.Cryptography;
using KalshiDesk.Sandbox.Auth;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Auth;

/// <summary>The demo key: made once in the data directory (0600) and reused; in memory without one. And other keys registered by options.</summary>
public sealed class DemoKeyTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-sandbox-keys-");

    public void Dispose() => _directory.Delete(true);

    private static SandboxOptions Options(string? dataDirectory = null, string? keyId = null, string? publicKey = null) =>
        new() { TickInterval = TimeSpan.Zero, Markets = 4, DataDirectory = dataDirectory, KeyId = keyId, PublicKey = publicKey };

    [Fact]
    public async Task NoDataDirectory_KeyLivesInMemory_AndEachStartMakesANewOne()
    {
        await using var first = await SandboxServer.StartAsync(Options());
        await using var second = await SandboxServer.StartAsync(Options());

        Assert.Null(first.DemoKey.KeyPath);
        Assert.True(Guid.TryParse(first.DemoKey.KeyId, out _));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", first.DemoKey.PrivateKeyPem, StringComparison.Ordinal);
        Assert.NotEqual(first.DemoKey.KeyId, second.DemoKey.KeyId);
        Assert.Equal([first.DemoKey.KeyId], first.KeyIds);
        Assert.Empty(_directory.GetFiles());
    }

    [Fact]
    public async Task DataDirectory_FirstStartWritesTheKeyPair_SecondStartReusesIt()
    {
        var data = Path.Combine(_directory.FullName, "data");
        SandboxDemoKey firstKey;
        await using (var first = await SandboxServer.StartAsync(Options(data)))
        {
            firstKey = first.DemoKey;
        }

        await using var second = await SandboxServer.StartAsync(Options(data));
        using var signer = new KalshiTestSigner(firstKey.KeyId, firstKey.PrivateKeyPem, TimeProvider.System);
        using var http = signer.CreateClient(second.BaseUrl);
        using var response = await http.GetAsync("portfolio/balance");

        var keyPath = Path.Combine(data, "sandbox-demo-key.pem");
        Assert.Equal(keyPath, firstKey.KeyPath);
        Assert.Equal(firstKey, second.DemoKey);
        Assert.Equal(firstKey.KeyId, File.ReadAllText(Path.Combine(data, "sandbox-demo-key.id")).Trim());
        Assert.Equal(firstKey.PrivateKeyPem, File.ReadAllText(keyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", firstKey.PrivateKeyPem, StringComparison.Ordinal);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(firstKey.PrivateKeyPem);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["sandbox-demo-key.id", "sandbox-demo-key.pem"], Directory.GetFiles(data).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DataDirectory_KeyFile_IsReadableByItsOwnerOnly()
    {
        await using var server = await SandboxServer.StartAsync(Options(_directory.FullName));

        Assert.True(File.Exists(server.DemoKey.KeyPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.DemoKey.KeyPath!));
        }
    }

    [Fact]
    public async Task DataDirectory_KeyIdFileLost_ANewIdForTheSameKeyIsWrittenAndKept()
    {
        SandboxDemoKey original;
        await using (var first = await SandboxServer.StartAsync(Options(_directory.FullName)))
        {
            original = first.DemoKey;
        }

        File.Delete(Path.Combine(_directory.FullName, "sandbox-demo-key.id"));
        string renamed;
        await using (var second = await SandboxServer.StartAsync(Options(_directory.FullName)))
        {
            renamed = second.DemoKey.KeyId;
            Assert.Equal(original.PrivateKeyPem, second.DemoKey.PrivateKeyPem);
        }

        await using var third = await SandboxServer.StartAsync(Options(_directory.FullName));

        Assert.NotEqual(original.KeyId, renamed);
        Assert.Equal(renamed, third.DemoKey.KeyId);
    }

    [Fact]
    public async Task DataDirectory_KeyFileNotAKey_IsAnErrorNamingTheFileAndTheFix()
    {
        var keyPath = Path.Combine(_directory.FullName, "sandbox-demo-key.pem");
        await File.WriteAllTextAsync(keyPath, "not a key");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(_directory.FullName)));

        Assert.Equal($"Sandbox:DataDirectory: '{keyPath}' is not an unencrypted RSA private key in PEM form; delete it (and sandbox-demo-key.id) and a new demo key is made at the next start.", error.Message);
    }

    [Fact]
    public async Task DataDirectory_CannotBeCreated_IsAnErrorNamingTheSetting()
    {
        var blocker = Path.Combine(_directory.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "x");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(Path.Combine(blocker, "data"))));

        Assert.StartsWith($"Sandbox:DataDirectory: '{Path.Combine(blocker, "data")}' cannot hold the demo key (", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> PublicKeyForms => ["spki", "pkcs1", "spki-file", "pkcs1-file"];

    [Theory]
    [MemberData(nameof(PublicKeyForms))]
    public async Task RegisteredKey_InEachPemForm_SignsForTheDemoAccount(string form)
    {
        using var rsa = RSA.Create(2048);
        var pem = form.StartsWith("spki", StringComparison.Ordinal) ? rsa.ExportSubjectPublicKeyInfoPem() : rsa.ExportRSAPublicKeyPem();
        var publicKey = pem;
        if (form.EndsWith("-file", StringComparison.Ordinal))
        {
            publicKey = Path.Combine(_directory.FullName, "public.pem");
            await File.WriteAllTextAsync(publicKey, pem);
        }

        var time = new FakeTimeProvider(SandboxHost.Start);
        await using var server = await SandboxServer.StartAsync(Options(keyId: "desk-key-7", publicKey: publicKey), time);
        using var signer = new KalshiTestSigner("desk-key-7", rsa.ExportRSAPrivateKeyPem(), time);
        using var http = signer.CreateClient(server.BaseUrl);
        using var response = await http.GetAsync("portfolio/balance");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"balance\":1000000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new[] { "desk-key-7", server.DemoKey.KeyId }.Order(StringComparer.Ordinal), server.KeyIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RegisteredKey_GivenAPrivateKey_IsRefusedWithTheFix()
    {
        using var rsa = RSA.Create(2048);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(keyId: "k", publicKey: rsa.ExportPkcs8PrivateKeyPem())));

        Assert.Equal("Sandbox:PublicKey: is a private key; give the Sandbox only the public half (openssl rsa -in key.pem -pubout -out public.pem).", error.Message);
    }

    [Fact]
    public async Task RegisteredKey_PathThatDoesNotExist_IsRefused()
    {
        var missing = Path.Combine(_directory.FullName, "nope.pem");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(keyId: "k", publicKey: missing)));

        Assert.StartsWith($"Sandbox:PublicKey: '{missing}' is neither PEM text nor a readable PEM file (FileNotFoundException)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k", null, "Sandbox:PublicKey: is missing; Sandbox:KeyId needs its public key (PEM text or a .pem file).")]
    [InlineData(null, "-----BEGIN PUBLIC KEY-----", "Sandbox:KeyId: is missing; Sandbox:PublicKey needs the key id it belongs to.")]
    public async Task RegisteredKey_HalfConfigured_IsRefused(string? keyId, string? publicKey, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(keyId: keyId, publicKey: publicKey)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task RegisteredKey_WithTheDemoKeysId_IsRefused()
    {
        string demoId;
        await using (var first = await SandboxServer.StartAsync(Options(_directory.FullName)))
        {
            demoId = first.DemoKey.KeyId;
        }

        using var rsa = RSA.Create(2048);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(Options(_directory.FullName, demoId, rsa.ExportSubjectPublicKeyInfoPem())));

        Assert.Equal($"Sandbox:KeyId: '{demoId}' is the demo key's id; choose another.", error.Message);
    }

    [Fact]
    public void DemoKey_ToString_NeverShowsThePrivateKey()
    {
        var key = new SandboxDemoKey("id-1", "-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----", "/data/sandbox-demo-key.pem");

        Assert.Equal("demo key id-1 (/data/sandbox-demo-key.pem)", key.ToString());
    }
}
