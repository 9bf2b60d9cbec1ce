using System.Net;
using System.Text.Json;
using KalshiDesk.TestKit;

namespace KalshiDesk.Sandbox.Tests.Api;

public sealed class SettlementsApiTests : IAsyncLifetime
{
    private SandboxServer _server = null!;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Settlements_NothingSettledYet_IsAnEmptyKalshiPage()
    {
        using var signer = new KalshiTestSigner(_server.DemoKey.KeyId, _server.DemoKey.PrivateKeyPem, _server.Time);
        using var http = signer.CreateClient(_server.BaseUrl);

        using var response = await http.GetAsync("portfolio/settlements?limit=100");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.RootElement.GetProperty("settlements").GetArrayLength());
        Assert.Equal(string.Empty, body.RootElement.GetProperty("cursor").GetString());
    }
}
