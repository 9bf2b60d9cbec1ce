using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary><c>kalshidesk sandbox</c> run as a user runs it: the exchange alone, on the port and world asked for.</summary>
public sealed class SandboxCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-sandbox-");

    public void Dispose() => _directory.Delete(true);

    [Fact]
    public async Task Sandbox_ServesTheWorldAskedFor()
    {
        var port = DeskProcess.FreePort();
        await using var sandbox = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), "sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--markets", "12", "--seed", "7");

        var rest = await sandbox.WaitForLineAsync("REST", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(rest["REST".Length..].Trim()) };
        using var markets = JsonDocument.Parse(await http.GetStringAsync("markets?limit=1000"));

        Assert.Equal($"REST      http://127.0.0.1:{port}/trade-api/v2/", rest);
        Assert.Equal(12, markets.RootElement.GetProperty("markets").GetArrayLength());
        Assert.Contains($"WebSocket ws://127.0.0.1:{port}/trade-api/ws/v2", sandbox.Output, StringComparison.Ordinal);
        Assert.Equal("Sandbox exchange: 12 markets, seed 7", sandbox.Output.Split('\n')[0].Trim());
    }

    [Fact]
    public async Task Sandbox_BadWorldSize_IsOneLineAndExit2()
    {
        await using var sandbox = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), "sandbox", "--markets", "0");

        Assert.Equal(2, await sandbox.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("kalshidesk sandbox: Sandbox:Markets: The field Markets must be between 1 and 40000.", sandbox.Errors.Trim());
    }

    [Fact]
    public async Task Sandbox_PortTaken_SaysSoAndExit2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var sandbox = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), "sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, await sandbox.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.StartsWith($"kalshidesk sandbox: cannot listen on port {port}", sandbox.Errors.Trim(), StringComparison.Ordinal);
    }

    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    private DeskProcess StartSandbox(params string[] args) =>
        DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), ["sandbox", "--port", DeskProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--markets", "4", .. args]);

    private static async Task<HttpStatusCode> BalanceStatusAsync(Uri rest, string keyId, string privateKeyPem)
    {
        using var signer = new KalshiTestSigner(keyId, privateKeyPem, TimeProvider.System);
        using var http = signer.CreateClient(rest);
        using var response = await http.GetAsync("portfolio/balance");
        return response.StatusCode;
    }

    [Fact]
    public async Task Sandbox_FirstStart_MakesTheDemoKeyInTheDataFolderAndPrintsIt_SecondStartReusesIt()
    {
        string firstId;
        string keyPath;
        Uri rest;
        HttpStatusCode signed;
        HttpStatusCode unsigned;
        await using (var first = StartSandbox())
        {
            keyPath = (await first.WaitForLineAsync("Key file", Startup))["Key file".Length..].Trim();
            firstId = (await first.WaitForLineAsync("Key id", Startup))["Key id".Length..].Trim();
            rest = new Uri((await first.WaitForLineAsync("REST", Startup))["REST".Length..].Trim());
            signed = await BalanceStatusAsync(rest, firstId, await File.ReadAllTextAsync(keyPath));
            using var anonymous = new HttpClient { BaseAddress = rest };
            using var response = await anonymous.GetAsync("portfolio/balance");
            unsigned = response.StatusCode;
        }

        await using var second = StartSandbox();
        var secondId = (await second.WaitForLineAsync("Key id", Startup))["Key id".Length..].Trim();

        Assert.Equal(Path.Combine(_directory.FullName, "data", "sandbox-demo-key.pem"), keyPath);
        Assert.True(Guid.TryParse(firstId, out _));
        Assert.Equal(firstId, secondId);
        Assert.Equal(firstId, (await File.ReadAllTextAsync(Path.Combine(_directory.FullName, "data", "sandbox-demo-key.id"))).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (signed, unsigned));
        Assert.Contains("Point a desk at it with Kalshi__BaseUrl, Kalshi__WebSocketUrl, Kalshi__KeyId and Kalshi__PrivateKeyPath.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_DataDir_KeepsTheKeyWhereAsked()
    {
        var folder = Path.Combine(_directory.FullName, "elsewhere", "keys");
        await using var sandbox = StartSandbox("--data-dir", folder);

        var keyPath = (await sandbox.WaitForLineAsync("Key file", Startup))["Key file".Length..].Trim();

        Assert.Equal(Path.Combine(folder, "sandbox-demo-key.pem"), keyPath);
        Assert.True(File.Exists(Path.Combine(folder, "sandbox-demo-key.id")));
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sandbox_KeyIdAndPublicKey_RegisterAKeyTheDesksSignerIsAcceptedWith(bool pemText)
    {
        using var rsa = RSA.Create(2048);
        var publicPath = Path.Combine(_directory.FullName, "desk-public.pem");
        await File.WriteAllTextAsync(publicPath, rsa.ExportSubjectPublicKeyInfoPem());
        await using var sandbox = StartSandbox("--key-id", "desk-key-1", "--public-key", pemText ? rsa.ExportSubjectPublicKeyInfoPem() : publicPath);

        var rest = new Uri((await sandbox.WaitForLineAsync("REST", Startup))["REST".Length..].Trim());
        var also = await sandbox.WaitForLineAsync("Also accepts", Startup);
        var withTheKey = await BalanceStatusAsync(rest, "desk-key-1", rsa.ExportRSAPrivateKeyPem());
        using var other = RSA.Create(2048);
        var withAnotherKey = await BalanceStatusAsync(rest, "desk-key-1", other.ExportRSAPrivateKeyPem());

        Assert.Equal("Also accepts key desk-key-1", also);
        Assert.Equal(HttpStatusCode.OK, withTheKey);
        Assert.Equal(HttpStatusCode.Unauthorized, withAnotherKey);
    }

    [Theory]
    [InlineData("--key-id", "desk-key-1")]
    [InlineData("--public-key", "/tmp/public.pem")]
    public async Task Sandbox_KeyIdOrPublicKeyAlone_IsOneLineAndExit2(string flag, string value)
    {
        await using var sandbox = StartSandbox(flag, value);

        Assert.Equal(2, await sandbox.WaitForExitAsync(Startup));
        Assert.Equal("kalshidesk sandbox: --key-id and --public-key go together: give both (the key id and its public key, PEM text or a .pem file) or neither.", sandbox.Errors.Trim());
    }

    [Fact]
    public async Task Sandbox_PublicKeyThatIsAPrivateKey_IsOneLineAndExit2()
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(_directory.FullName, "private.pem");
        await File.WriteAllTextAsync(path, rsa.ExportPkcs8PrivateKeyPem());
        await using var sandbox = StartSandbox("--key-id", "desk-key-1", "--public-key", path);

        Assert.Equal(2, await sandbox.WaitForExitAsync(Startup));
        Assert.Equal("kalshidesk sandbox: Sandbox:PublicKey: is a private key; give the Sandbox only the public half (openssl rsa -in key.pem -pubout -out public.pem).", sandbox.Errors.Trim());
    }

    [Fact]
    public async Task Sandbox_Replay_ServesTheRecordedMarketsAtTheSpeedAsked()
    {
        var recording = Path.Combine(_directory.FullName, "settled.csv");
        await File.WriteAllTextAsync(recording, string.Join('\n',
            "ticker,category,price,outcome,close_time,observed_at",
            "KXHIGHNY-25JAN10-T40,weather,0.35,yes,2025-01-10T23:00:00Z,2025-01-10T08:00:00Z",
            "KXHIGHNY-25JAN10-T40,weather,0.52,yes,2025-01-10T23:00:00Z,2025-01-10T12:00:00Z",
            "KXCPI-25JAN-T0.3,economics,0.20,no,2025-01-15T13:30:00Z,2025-01-10T08:00:00Z"));
        await using var sandbox = StartSandbox("--replay", recording, "--speed", "3600");

        var rest = await sandbox.WaitForLineAsync("REST", Startup);
        using var http = new HttpClient { BaseAddress = new Uri(rest["REST".Length..].Trim()) };
        using var markets = JsonDocument.Parse(await http.GetStringAsync("markets?limit=1000"));

        Assert.Equal($"Sandbox exchange: replaying 2 recorded markets from {recording} at 3600x", sandbox.Output.Split('\n')[0].Trim());
        Assert.Equal(
            ["KXCPI-25JAN-T0.3", "KXHIGHNY-25JAN10-T40"],
            markets.RootElement.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()));
    }

    [Fact]
    public async Task Sandbox_ReplayOfAMalformedFile_SaysTheLineAndExit2()
    {
        var recording = Path.Combine(_directory.FullName, "bad.csv");
        await File.WriteAllTextAsync(recording, "ticker,category,price,outcome\nKXA-1,weather,1.7,yes\n");
        await using var sandbox = StartSandbox("--replay", recording);

        Assert.Equal(2, await sandbox.WaitForExitAsync(Startup));
        Assert.Equal($"kalshidesk sandbox: Sandbox:ReplayPath: {recording} line 2: price '1.7' is not a YES price in dollars between 0.01 and 0.99.", sandbox.Errors.Trim());
    }

    private DeskProcess Record(params string[] args) =>
        DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), ["sandbox", "--record", .. args]);

    [Fact]
    public async Task Sandbox_Record_WritesTheSeededHistorySaysHowMuchAndExits()
    {
        var file = Path.Combine(_directory.FullName, "history.csv");
        await using var recorder = Record(file, "--seed", "42", "--markets", "24", "--days", "3", "--start", "2026-03-02T00:00:00Z");

        Assert.Equal(0, await recorder.WaitForExitAsync(Startup));
        Assert.Equal($"Recorded 102 settled markets in 258 rows to {file} (seed 42, 24 markets, 2026-03-02T00:00:00Z to 2026-03-05T00:00:00Z, every 1h)", recorder.Output.Trim());
        using var expected = new StringWriter(CultureInfo.InvariantCulture);
        Sandbox.History.SandboxHistory.Record(new() { Seed = 42, Markets = 24, Days = 3, Start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero) }, expected);
        Assert.Equal(expected.ToString(), await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Sandbox_ReplayOfARecording_ServesItsMarkets()
    {
        var file = Path.Combine(_directory.FullName, "history.csv");
        await using (var recorder = Record(file, "--seed", "42", "--markets", "24", "--days", "3", "--every", "2h", "--tick", "1h"))
        {
            Assert.Equal(0, await recorder.WaitForExitAsync(Startup));
        }

        await using var sandbox = StartSandbox("--replay", file, "--speed", "3600");

        await sandbox.WaitForLineAsync("REST", Startup);
        Assert.Equal($"Sandbox exchange: replaying 102 recorded markets from {file} at 3600x", sandbox.Output.Split('\n')[0].Trim());
    }

    [Theory]
    [InlineData("--replay", "settled.csv", "kalshidesk sandbox: --record records the simulated world; it cannot be combined with --replay.")]
    [InlineData("--every", "hourly", "kalshidesk sandbox: --every 'hourly' is not a duration (e.g. 15m, 1h, 1d or 01:00:00).")]
    [InlineData("--days", "0", "kalshidesk sandbox: History:Days: must be between 1 and 366.")]
    public async Task Sandbox_RecordWithBadArguments_IsOneLineAndExit2(string flag, string value, string message)
    {
        var file = Path.Combine(_directory.FullName, "history.csv");
        await using var recorder = Record(file, flag, value);

        Assert.Equal(2, await recorder.WaitForExitAsync(Startup));
        Assert.Equal(message, recorder.Errors.Trim());
        Assert.False(File.Exists(file));
    }
}
