using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

/// <summary>Kalshi's side of one client connection.</summary>
public sealed class ScriptedConnection(WebSocket socket)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Channel<JsonObject> _commands = Channel.CreateUnbounded<JsonObject>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>The client's next command (<c>{"id":…,"cmd":…,"params":…}</c>).</summary>
    public async Task<JsonObject> NextCommandAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _commands.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Reads the next command, asserts it is <paramref name="cmd"/>, and returns it.</summary>
    public async Task<JsonObject> ExpectAsync(string cmd)
    {
        var command = await NextCommandAsync();
        Assert.Equal(cmd, (string?)command["cmd"]);
        return command;
    }

    /// <summary>Reads a subscribe command and confirms it with <paramref name="sid"/>.</summary>
    public async Task<JsonObject> ConfirmSubscribeAsync(long sid)
    {
        var command = await ExpectAsync("subscribe");
        var channel = (string?)command["params"]!["channels"]![0];
        await SendAsync($$$"""{"id":{{{(int)command["id"]!}}},"type":"subscribed","msg":{"channel":"{{{channel}}}","sid":{{{sid}}}}}""");
        return command;
    }

    public async Task SendAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Kalshi ends the connection with a close frame.</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "server restarting", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Abort() => socket.Abort();

    internal async Task ReceiveUntilClosedAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    break;
                }

                _commands.Writer.TryWrite(JsonNode.Parse(message.ToArray())!.AsObject());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away: this connection is over.
        }
        finally
        {
            _commands.Writer.TryComplete();
        }
    }
}
