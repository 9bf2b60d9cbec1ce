using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KalshiDesk.Kalshi.Auth;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>
/// One WebSocket client of the Sandbox's stream: subscribes to <c>orderbook_delta</c> for its markets, then for every
/// frame checks the sid's <c>seq</c> (no gap, no repeat), keeps each book (snapshot + deltas) to compare with REST at the
/// end, and times each delta from the change's announcement (<see cref="ChangeProbe"/>) to its receipt.
/// </summary>
internal sealed class BookSubscriber : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly IReadOnlyList<string> _tickers;
    private readonly ChangeProbe _probe;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Dictionary<(bool Yes, string Price), decimal>> _books = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private Task? _receiving;
    private SubscriberStats _stats;
    private long _lastSeq;
    private int _snapshots;
    private long _lastReceipt;
    private byte[] _lastTs = [];
    private long _lastTsKey;

    public BookSubscriber(int index, IReadOnlyList<string> tickers, ChangeProbe probe)
    {
        Index = index;
        _tickers = tickers;
        _probe = probe;
        _stats = new SubscriberStats(Stopwatch.GetTimestamp(), 0);
    }

    public int Index { get; }

    public int Snapshots => Volatile.Read(ref _snapshots);

    /// <summary>Sequence numbers skipped (a gap: messages lost) over the whole connection.</summary>
    public long SeqGaps { get; private set; }

    /// <summary>Sequence numbers seen again or out of order.</summary>
    public long SeqRepeats { get; private set; }

    /// <summary>Deltas for a level the book did not have, or that took a level below zero.</summary>
    public long BadDeltas { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last frame received.</summary>
    public long LastReceipt => Volatile.Read(ref _lastReceipt);

    public bool Closed => _receiving is { IsCompleted: true };

    public SubscriberStats Stats => Volatile.Read(ref _stats);

    /// <summary>Counts from here on into a fresh <see cref="SubscriberStats"/>; call while the stream is quiet.</summary>
    public SubscriberStats StartPhase(long startTimestamp, int seconds)
    {
        var stats = new SubscriberStats(startTimestamp, seconds);
        Volatile.Write(ref _stats, stats);
        return stats;
    }

    public async Task ConnectAsync(Uri url, KalshiRequestSigner signer, CancellationToken ct)
    {
        SandboxKeys.Sign(signer, _socket, url);
        await _socket.ConnectAsync(url, ct).ConfigureAwait(false);
        _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        var command = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = 1,
            cmd = "subscribe",
            @params = new { channels = new[] { "orderbook_delta" }, market_tickers = _tickers },
        });
        await _socket.SendAsync(command, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
    }

    /// <summary>This subscriber's book of <paramref name="ticker"/>: (YES?, price) → contracts, zero levels left out.</summary>
    public Dictionary<(bool Yes, string Price), decimal> Book(string ticker) =>
        _books.TryGetValue(ticker, out var book) ? book.Where(l => l.Value != 0m).ToDictionary() : [];

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_receiving is not null)
        {
            await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var frame = new ArrayBufferWriter<byte>(1 << 16);
        try
        {
            while (true)
            {
                frame.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(frame.GetMemory(1 << 14), _stop.Token).ConfigureAwait(false);
                    frame.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var received = Stopwatch.GetTimestamp();
                Volatile.Write(ref _lastReceipt, received);
                Handle(frame.WrittenSpan, received);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closed or aborted.
        }
    }

    private void Handle(ReadOnlySpan<byte> frame, long received)
    {
        var reader = new Utf8JsonReader(frame);
        string? type = null;
        long? seq = null;
        var delta = default(DeltaFields);
        var hasMsg = false;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("msg"u8))
            {
                reader.Read();
                hasMsg = true;
                if (type == "orderbook_delta" && reader.TokenType == JsonTokenType.StartObject)
                {
                    delta = ReadDelta(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (seq is { } s)
        {
            CheckSeq(s);
        }

        switch (type)
        {
            case "orderbook_delta" when hasMsg:
                ApplyDelta(delta, received);
                break;
            case "orderbook_snapshot":
                ApplySnapshot(frame);
                break;
            case "error":
                lock (_errors)
                {
                    _errors.Add(Encoding.UTF8.GetString(frame));
                }

                break;
            default:
                // subscribed, ok, unsubscribed.
                break;
        }
    }

    private void CheckSeq(long seq)
    {
        if (seq == _lastSeq + 1)
        {
            _lastSeq = seq;
        }
        else if (seq > _lastSeq + 1)
        {
            SeqGaps += seq - _lastSeq - 1;
            _lastSeq = seq;
        }
        else
        {
            SeqRepeats++;
        }
    }

    private DeltaFields ReadDelta(ref Utf8JsonReader reader)
    {
        var fields = default(DeltaFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("market_ticker"u8))
            {
                reader.Read();
                fields.Ticker = reader.GetString();
            }
            else if (reader.ValueTextEquals("price_dollars"u8))
            {
                reader.Read();
                fields.Price = reader.GetString();
            }
            else if (reader.ValueTextEquals("delta_fp"u8))
            {
                reader.Read();
                fields.Delta = decimal.Parse(reader.ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            }
            else if (reader.ValueTextEquals("side"u8))
            {
                reader.Read();
                fields.Yes = reader.ValueTextEquals("yes"u8);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                fields.TsKey = TsKey(reader.ValueSpan);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return fields;
    }

    /// <summary>The change key of a <c>ts</c> ("2026-05-01T12:00:00.123456Z"); every delta of one change has the same, so the last is cached.</summary>
    private long TsKey(ReadOnlySpan<byte> ts)
    {
        if (!ts.SequenceEqual(_lastTs))
        {
            var time = DateTimeOffset.Parse(Encoding.UTF8.GetString(ts), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            _lastTs = ts.ToArray();
            _lastTsKey = ChangeProbe.Key(time);
        }

        return _lastTsKey;
    }

    private void ApplyDelta(DeltaFields delta, long received)
    {
        var stats = _stats;
        stats.Count(received);
        if (_probe.TryGetAnnounced(delta.TsKey, out var announced))
        {
            stats.Latencies.Add(received - announced);
        }
        else
        {
            stats.Unmatched++;
        }

        if (delta.Ticker is null || delta.Price is null || !_books.TryGetValue(delta.Ticker, out var book))
        {
            BadDeltas++;
            return;
        }

        var key = (delta.Yes, delta.Price);
        var size = book.GetValueOrDefault(key) + delta.Delta;
        if (size < 0m)
        {
            BadDeltas++;
        }

        book[key] = size;
    }

    private void ApplySnapshot(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var msg = document.RootElement.GetProperty("msg");
        var ticker = msg.GetProperty("market_ticker").GetString()!;
        var book = new Dictionary<(bool Yes, string Price), decimal>();
        foreach (var (side, yes) in new[] { ("yes_dollars_fp", true), ("no_dollars_fp", false) })
        {
            if (msg.TryGetProperty(side, out var levels))
            {
                foreach (var level in levels.EnumerateArray())
                {
                    book[(yes, level[0].GetString()!)] = decimal.Parse(level[1].GetString()!, CultureInfo.InvariantCulture);
                }
            }
        }

        _books[ticker] = book;
        Interlocked.Increment(ref _snapshots);
    }

    private struct DeltaFields
    {
        public string? Ticker;
        public string? Price;
        public decimal Delta;
        public bool Yes;
        public long TsKey;
    }
}
