using System.Security.Cryptography;
using KalshiDesk.TestKit.Processes;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary><c>kalshidesk doctor</c> run as a user runs it: one line a check, each problem with its fix.</summary>
public sealed class DoctorTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-doctor-");

    public void Dispose() => _directory.Delete(true);

    private async Task<(int Exit, string[] Lines)> DoctorAsync(Dictionary<string, string?> environment)
    {
        await using var process = DeskProcess.Start(_directory.FullName, environment, "doctor");
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Doctor_DefaultSetUp_IsReady()
    {
        var (exit, lines) = await DoctorAsync([]);

        Assert.Equal(0, exit);
        Assert.Equal("ok    configuration: Paper trading, balanced preset, Sqlite database", lines[0]);
        Assert.Matches(@"^ok    database: Sqlite file .+/data/kalshidesk\.db will be created at the first start$", lines[1]);
        Assert.Matches(@"^ok    paper database: Sqlite file .+/data/kalshidesk-paper\.db will be created at the first start$", lines[2]);
        Assert.Matches(@"^ok    exchange: Sandbox at http://127\.0\.0\.1:\d+/trade-api/v2/ answers; trading active$", lines[3]);
        // The built-in Sandbox authenticates like Kalshi: with no key of its own the desk signs with the Sandbox's demo key.
        Assert.Matches(@"^ok    api key: the Sandbox's demo key [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} authenticates; balance \$10,000\.00$", lines[4]);
        Assert.Equal("KalshiDesk is ready.", lines[^1]);
    }

    [Fact]
    public async Task Doctor_WithAKey_AuthenticatesAndPrintsTheBalance()
    {
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(_directory.FullName, "kalshi.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportRSAPrivateKeyPem());

        var (exit, lines) = await DoctorAsync(new() { ["Kalshi__KeyId"] = "key-42", ["Kalshi__PrivateKeyPath"] = keyPath });

        Assert.Equal(0, exit);
        Assert.Contains("ok    api key: key key-42 authenticates; balance $10,000.00", lines);
        Assert.DoesNotContain(lines, l => l.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_UnreadableKey_FailsWithTheFix()
    {
        var (exit, lines) = await DoctorAsync(new() { ["Kalshi__KeyId"] = "key-42", ["Kalshi__PrivateKeyPath"] = "/nonexistent/kalshi.pem" });

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("FAIL  api key: Kalshi:PrivateKeyPath '/nonexistent/kalshi.pem' cannot be read", StringComparison.Ordinal) && l.Contains("; fix: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_ExchangeUnreachable_FailsWithTheFix()
    {
        var port = DeskProcess.FreePort();

        var (exit, lines) = await DoctorAsync(new() { ["Kalshi__Environment"] = "Demo", ["Kalshi__BaseUrl"] = $"http://127.0.0.1:{port}/trade-api/v2/", ["Kalshi__RequestTimeout"] = "00:00:02" });

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith($"FAIL  exchange: Demo at http://127.0.0.1:{port}/trade-api/v2/ cannot be reached", StringComparison.Ordinal) && l.EndsWith("fix: check the network, Kalshi:Environment and Kalshi:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_BadConfiguration_FailsNamingTheKey()
    {
        var (exit, lines) = await DoctorAsync(new() { ["Trading__Preset"] = "reckless" });

        Assert.Equal(1, exit);
        Assert.Equal("FAIL  configuration: Trading:Preset 'reckless' is not a preset; use conservative, balanced or aggressive.; fix: correct the key named, in appsettings.json or the environment", lines[0]);
    }

    [Fact]
    public async Task Doctor_DatabaseDown_FailsWithTheFix()
    {
        var (exit, lines) = await DoctorAsync(new() { ["ConnectionStrings__KalshiDesk"] = $"Host=127.0.0.1;Port={DeskProcess.FreePort()};Database=kd;Username=kd;Password=x;Timeout=2" });

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("FAIL  database: ", StringComparison.Ordinal) && l.Contains("fix: ", StringComparison.Ordinal));
        // The paper book is the schema paper of the same database: the same fix, naming the main key.
        Assert.Contains(lines, l => l.StartsWith("FAIL  paper database: PostgreSql database kd, schema paper ", StringComparison.Ordinal) && l.Contains("; fix: ", StringComparison.Ordinal) && l.Contains("ConnectionStrings:KalshiDesk", StringComparison.Ordinal));
    }
}
