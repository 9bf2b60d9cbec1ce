using System.Net;
using System.Net.Sockets;
using System.Text.Json;
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
}
