using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// One client's WebSocket: a receive loop that hands each command to the hub, and a writer that drains a queue of frames
/// the hub fills under the exchange's lock. Channel messages count against a bound; command responses do not.
/// </summary>
internal sealed class StreamConnection
{
    /// <summary>Commands are small; a bigger frame is refused rather than buffered.</summary>
    private const int MaxCommandBytes = 1 << 20;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly int _capacity;
    private readonly Channel<OutboundMessage> _outbox = Channel.CreateUnbounded<OutboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private long _nextSid;
    private int _unsent;

    public StreamConnection(WebSocket socket, int capacity)
    {
        _socket = socket;
        _capacity = capacity;
    }

    /// <summary>This connection's subscriptions by sid. Guarded by the exchange's lock.</summary>
    public Dictionary<long, StreamSubscription> Subscriptions { get; } = [];

    /// <summary>Sids are per connection, from 1.</summary>
    public long NextSid() => ++_nextSid;

    /// <summary>Queues a channel message; false when the connection already has its capacity of messages unsent.</summary>
    public bool TryEnqueueData(OutboundMessage message)
    {
        if (Interlocked.Increment(ref _unsent) > _capacity)
        {
            Interlocked.Decrement(ref _unsent);
            return false;
        }

        if (!_outbox.Writer.TryWrite(message))
        {
            // Closing: nobody will read it.
            Interlocked.Decrement(ref _unsent);
        }

        return true;
    }

    /// <summary>Queues a command response or an error; these are few and always go out.</summary>
    public void Enqueue(OutboundMessage message) => _outbox.Writer.TryWrite(message);

    /// <summary>
    /// Serves the connection until the client closes it, it breaks, or <paramref name="stopping"/> fires (then the server
    /// sends its close frame and gives the client 2 s to answer).
    /// </summary>
    public async Task RunAsync(Action<StreamConnection, ReadOnlyMemory<byte>> handle, CancellationToken aborted, CancellationToken stopping)
    {
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        using var onStop = stopping.Register(() =>
        {
            _outbox.Writer.TryComplete();
            receiving.CancelAfter(CloseTimeout);
        });
        var writer = WriteLoopAsync(stopping, aborted);
        try
        {
            await ReceiveLoopAsync(handle, receiving.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Gone without a close handshake, or the server is stopping.
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }

        await writer.ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync(Action<StreamConnection, ReadOnlyMemory<byte>> handle, CancellationToken ct)
    {
        var frame = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(frame.GetMemory(4096), ct).ConfigureAwait(false);
                frame.Advance(result.Count);
                if (frame.WrittenCount > MaxCommandBytes)
                {
                    // Only the writer may send (one send at a time), so a flood is cut off rather than answered.
                    _socket.Abort();
                    return;
                }
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            // A binary frame is not JSON: answered like malformed JSON (code 1).
            handle(this, result.MessageType == WebSocketMessageType.Text ? frame.WrittenMemory : ReadOnlyMemory<byte>.Empty);
        }
    }

    private async Task WriteLoopAsync(CancellationToken stopping, CancellationToken aborted)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(aborted).ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
                message.WriteTo(buffer);
                await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, aborted).ConfigureAwait(false);
                if (message.IsData)
                {
                    Interlocked.Decrement(ref _unsent);
                }
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                timeout.CancelAfter(CloseTimeout);
                var (status, reason) = stopping.IsCancellationRequested
                    ? (WebSocketCloseStatus.EndpointUnavailable, "sandbox stopping")
                    : (WebSocketCloseStatus.NormalClosure, "closing");
                await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client is gone: the receive loop ends too.
            _socket.Abort();
        }
    }
}
