using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using KalshiDesk.Sandbox.Auth;
using KalshiDesk.Sandbox.Tests.WebSockets;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.Auth;

/// <summary>The WebSocket upgrade is signed like a REST GET of <c>/trade-api/ws/v2</c>; without a valid signature it is 401 and no socket.</summary>
public sealed class WebSocketAuthTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upgrade_SignedWithTheDemoKey_ConnectsAndSubscribes()
    {
        await using var client = await StreamTestClient.ConnectAsync(_host.Server, _host.Signer.SignWebSocket, signed: false);

        var (sids, _) = await client.SubscribeAsync(new { channels = new[] { "ticker" } });

        Assert.Equal(WebSocketState.Open, client.Socket.State);
        Assert.Equal([1L], sids);
    }

    [Fact]
    public async Task Upgrade_Unsigned_Is401()
    {
        var status = await RefusedUpgradeAsync(_ => { });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, _host.Server.Streams.SubscriptionCount);
    }

    [Fact]
    public async Task Upgrade_SignatureOverTheRestPath_Is401()
    {
        var status = await RefusedUpgradeAsync(options =>
        {
            foreach (var (name, value) in _host.Signer.Headers("GET", "/trade-api/v2/ws/v2"))
            {
                options.SetRequestHeader(name, value);
            }
        });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Upgrade_SignedAMinuteAgo_Is401()
    {
        using var stale = new KalshiTestSigner(_host.Server.DemoKey.KeyId, _host.Server.DemoKey.PrivateKeyPem, new FakeTimeProvider(SandboxHost.Start.AddMinutes(-1)));

        var status = await RefusedUpgradeAsync(stale.SignWebSocket);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Upgrade_Unsigned_AnswersKalshisErrorBody()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(_host.Server.WebSocketUrl) { Scheme = "http" }.Uri);

        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        SignedRequests.AssertRefused((int)response.StatusCode, body.RootElement, AuthFailure.MissingHeaders, "authentication required");
    }

    /// <summary>Attempts the upgrade and returns the HTTP status the server answered instead of 101.</summary>
    private async Task<HttpStatusCode> RefusedUpgradeAsync(Action<ClientWebSocketOptions> configure)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure(socket.Options);
        using var timeout = new CancellationTokenSource(StreamTestClient.Wait);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.Server.WebSocketUrl, timeout.Token));

        return socket.HttpStatusCode;
    }
}
