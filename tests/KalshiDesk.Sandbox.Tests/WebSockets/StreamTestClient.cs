using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KalshiDesk.TestKit;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

/// <summary>A raw <see cref="ClientWebSocket"/> on the Sandbox's stream: sends command text, reads frames as JSON.</summary>
internal sealed class StreamTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private int _nextId;

    private StreamTestClient(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    /// <summary>Connects, the upgrade signed with the demo key on the server's clock unless <paramref name="signed"/> is false.</summary>
    public static async Task<StreamTestClient> ConnectAsync(SandboxServer server, Action<ClientWebSocketOptions>? configure = null, bool signed = true)
    {
        var socket = new ClientWebSocket();
        if (signed)
        {
            using var signer = new KalshiTestSigner(server.DemoKey.KeyId, server.DemoKey.PrivateKeyPem, server.Time);
            signer.SignWebSocket(socket.Options);
        }

        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(Wait);
        await socket.ConnectAsync(server.WebSocketUrl, timeout.Token);
        return new StreamTestClient(socket);
    }

    /// <summary>Sends a command with the next id (from 1) and returns the id.</summary>
    public async Task<int> SendAsync(string cmd, object? parameters = null)
    {
        var id = ++_nextId;
        var command = parameters is null ? (object)new { id, cmd } : new { id, cmd, @params = parameters };
        await SendTextAsync(JsonSerializer.Serialize(command));
        return id;
    }

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next frame, or a timeout.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        using var document = JsonDocument.Parse(frame.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Every frame up to and including the first that matches.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> last)
    {
        var frames = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveAsync();
            frames.Add(frame);
            if (last(frame))
            {
                return frames;
            }
        }
    }

    /// <summary>
    /// Everything the server queued before now: sends <c>list_subscriptions</c> and reads up to its answer, which the
    /// server queues behind whatever it had already queued.
    /// </summary>
    public async Task<List<JsonElement>> DrainAsync()
    {
        var id = await SendAsync("list_subscriptions");
        var frames = await ReceiveUntilAsync(f => f.Type() == "ok" && f.Id() == id);
        frames.RemoveAt(frames.Count - 1);
        return frames;
    }

    /// <summary>Subscribes and returns the sid of each channel's <c>subscribed</c>, in order, plus what followed up to the barrier.</summary>
    public async Task<(List<long> Sids, List<JsonElement> After)> SubscribeAsync(object parameters, int channels = 1)
    {
        var id = await SendAsync("subscribe", parameters);
        var sids = new List<long>();
        var after = new List<JsonElement>();
        foreach (var frame in await DrainAsync())
        {
            if (frame.Type() == "subscribed" && frame.Id() == id)
            {
                sids.Add(frame.GetProperty("msg").GetProperty("sid").GetInt64());
            }
            else
            {
                after.Add(frame);
            }
        }

        Assert.Equal(channels, sids.Count);
        return (sids, after);
    }

    /// <summary>Sends a command expected to fail and returns the error's code, checking it echoes the id.</summary>
    public async Task<int> ErrorCodeAsync(string cmd, object? parameters = null)
    {
        var id = await SendAsync(cmd, parameters);
        var frame = await ReceiveAsync();
        Assert.Equal("error", frame.Type());
        Assert.Equal(id, frame.Id());
        Assert.False(string.IsNullOrWhiteSpace(frame.GetProperty("msg").GetProperty("msg").GetString()));
        return frame.GetProperty("msg").GetProperty("code").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }

        _socket.Dispose();
    }
}
