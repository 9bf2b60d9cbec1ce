using System.Collections.Concurrent;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.WebSockets;
using KalshiDesk.TestKit;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

/// <summary>A <see cref="ScriptedKalshiServer"/>, a connected client with fast backoff, and a record of every message the client reported.</summary>
public sealed class WebSocketHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<KalshiStreamMessage> _seen = new();
    private readonly Task _pump;

    private WebSocketHarness(ScriptedKalshiServer server, KalshiWebSocketClient client, ScriptedConnection connection)
    {
        Server = server;
        Client = client;
        Connection = connection;
        _pump = Task.Run(async () =>
        {
            await foreach (var message in client.Messages.ReadAllAsync())
            {
                _seen.Enqueue(message);
            }
        });
    }

    public ScriptedKalshiServer Server { get; }

    public KalshiWebSocketClient Client { get; }

    /// <summary>The first connection's server side.</summary>
    public ScriptedConnection Connection { get; }

    public IReadOnlyList<KalshiStreamMessage> Seen => [.. _seen];

    public static async Task<WebSocketHarness> StartAsync(KalshiRequestSigner? signer = null)
    {
        var server = await ScriptedKalshiServer.StartAsync();
        var options = new KalshiWebSocketOptions
        {
            Url = server.Url,
            Backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)),
        };
        var client = new KalshiWebSocketClient(options, signer, TimeProvider.System);
        await client.ConnectAsync();
        var connection = await server.NextConnectionAsync();
        return new WebSocketHarness(server, client, connection);
    }

    /// <summary>Subscribes to the order book of <paramref name="ticker"/>, confirming with <paramref name="sid"/>.</summary>
    public async Task<KalshiSubscription> SubscribeBookAsync(string ticker, long sid, ScriptedConnection? on = null)
    {
        var subscribing = Client.SubscribeAsync([KalshiChannels.OrderbookDelta], [ticker]);
        await (on ?? Connection).ConfirmSubscribeAsync(sid);
        return Assert.Single(await subscribing);
    }

    /// <summary>The first message of type <typeparamref name="T"/> matching <paramref name="match"/>, waiting for it.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null)
        where T : KalshiStreamMessage
    {
        T? found = null;
        await Eventually.Until(() => (found = _seen.OfType<T>().FirstOrDefault(m => match?.Invoke(m) ?? true)) is not null, Wait, $"the client should report a {typeof(T).Name}");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _pump.WaitAsync(Wait);
        await Server.DisposeAsync();
    }
}
