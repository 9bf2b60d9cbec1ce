using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using KalshiDesk.Sandbox.WebSockets;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

public sealed class StreamConnectionTests
{
    [Fact]
    public async Task Connection_ClientThatNeverPongs_GetsPingFramesThenIsDropped()
    {
        await using var server = await SandboxServer.StartAsync(
            new SandboxOptions { TickInterval = TimeSpan.Zero },
            new FakeTimeProvider(SandboxHost.Start),
            new SandboxStreamOptions { PingInterval = TimeSpan.FromMilliseconds(200), PingTimeout = TimeSpan.FromSeconds(1) });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.WebSocketUrl.Port);
        var stream = tcp.GetStream();
        using var timeout = new CancellationTokenSource(StreamTestClient.Wait);

        using var signer = new KalshiTestSigner(server.DemoKey.KeyId, server.DemoKey.PrivateKeyPem, server.Time);
        var signature = string.Concat(signer.Headers("GET", server.WebSocketUrl.AbsolutePath).Select(h => $"{h.Key}: {h.Value}\r\n"));
        var upgrade = $"GET {server.WebSocketUrl.AbsolutePath} HTTP/1.1\r\nHost: {server.WebSocketUrl.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + signature + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(upgrade), timeout.Token);
        var response = await ReadHeadersAsync(stream, timeout.Token);
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, timeout.Token);
        await stream.ReadExactlyAsync(new byte[header[1] & 0x7F], timeout.Token);
        var elapsed = Stopwatch.StartNew();
        var dropped = false;
        try
        {
            // More pings may come; the pongs never do, so the server ends the connection (EOF or a reset).
            while (await stream.ReadAsync(new byte[256], timeout.Token) > 0)
            {
            }

            dropped = true;
        }
        catch (IOException)
        {
            dropped = true;
        }

        Assert.StartsWith("HTTP/1.1 101", response, StringComparison.Ordinal);
        Assert.Equal(0x89, header[0]);
        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        Assert.True(dropped);
    }

    [Fact]
    public async Task StopAsync_WithAClientConnected_SendsGoingAwayCloseAndReturnsPromptly()
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero }, new FakeTimeProvider(SandboxHost.Start));
        await using var client = await StreamTestClient.ConnectAsync(server);
        await client.SubscribeAsync(new { channels = new[] { "ticker" } });
        var elapsed = Stopwatch.StartNew();

        var stopping = server.StopAsync();
        using var timeout = new CancellationTokenSource(StreamTestClient.Wait);
        var result = await client.Socket.ReceiveAsync(new byte[1024], timeout.Token);
        await stopping;

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Get_WithoutUpgrade_Is400()
    {
        await using var host = await SandboxHost.StartAsync();
        using var http = host.Signer.CreateClient(host.Server.BaseUrl);

        using var response = await http.GetAsync(new UriBuilder(host.Server.WebSocketUrl) { Scheme = "http" }.Uri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> ReadHeadersAsync(NetworkStream stream, CancellationToken ct)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one, ct);
            text.Append((char)one[0]);
        }

        return text.ToString();
    }
}
