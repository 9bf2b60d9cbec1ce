using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>
/// Kalshi's WebSocket API (NOTES §4): one connection, signed on the upgrade, carrying channel subscriptions that survive
/// reconnects, and a local order book per subscribed market kept consistent by <c>seq</c>.
/// </summary>
/// <remarks>
/// <para>Everything the stream says is written to <see cref="Messages"/>; books are read with <see cref="TryGetBook"/>.
/// One receive loop handles frames in order; the desk's calls and the loop share state under one lock and never await
/// while holding it.</para>
/// <para>Order books are subscribed with <c>use_yes_price=false</c>, always sent explicitly because Kalshi plans to flip
/// the default: NO-side levels then carry NO-leg prices, i.e. they are NO bids, exactly like the REST book
/// (<c>orderbook_fp.no_dollars</c>) and the Domain <see cref="OrderBook"/>, so one mapping serves both.</para>
/// </remarks>
public sealed partial class KalshiWebSocketClient : IAsyncDisposable
{
    /// <summary>The path signed on the upgrade: <c>timestamp + "GET" + "/trade-api/ws/v2"</c> (NOTES §1.2).</summary>
    public const string SignedPath = "/trade-api/ws/v2";

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly KalshiWebSocketOptions _options;
    private readonly KalshiRequestSigner? _signer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<KalshiStreamMessage> _messages;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();

    // All below are guarded by _gate.
    private readonly List<KalshiSubscription> _subscriptions = [];
    private readonly Dictionary<long, KalshiSubscription> _bySid = [];
    private readonly Dictionary<int, PendingCommand> _pending = [];
    private readonly Dictionary<int, KalshiSubscription> _subscribeCommands = [];
    private readonly Dictionary<string, MarketBook> _books = new(StringComparer.Ordinal);
    private ClientWebSocket? _socket;
    private int _nextCommandId;
    private int _connectionNumber;

    private Task? _run;
    private long _droppedMessages;
    private volatile bool _closing;
    private int _disposed;

    /// <param name="signer">Signs the upgrade; null connects without the KALSHI-ACCESS-* headers (e.g. a local Sandbox).</param>
    public KalshiWebSocketClient(KalshiWebSocketOptions options, KalshiRequestSigner? signer = null, TimeProvider? time = null, ILogger<KalshiWebSocketClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MessageBufferCapacity, 1);
        _options = options;
        _signer = signer;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _messages = Channel.CreateBounded<KalshiStreamMessage>(
            new BoundedChannelOptions(options.MessageBufferCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _droppedMessages));
    }

    /// <summary>Everything the stream reports, in arrival order; completes when the client is disposed.</summary>
    public ChannelReader<KalshiStreamMessage> Messages => _messages.Reader;

    /// <summary>Messages dropped because the reader fell more than <see cref="KalshiWebSocketOptions.MessageBufferCapacity"/> behind.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _socket is { State: WebSocketState.Open };
            }
        }
    }

    /// <summary>The live subscriptions (not the ones the desk unsubscribed).</summary>
    public IReadOnlyList<KalshiSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>
    /// Opens the connection; a failure here (bad URL, 401) throws. From then on a lost connection is reopened with
    /// <see cref="KalshiWebSocketOptions.Backoff"/> and every subscription is sent again.
    /// </summary>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_run is not null)
        {
            throw new InvalidOperationException("The client is already connected; it reconnects by itself.");
        }

        var socket = await OpenAsync(ct).ConfigureAwait(false);
        await OnConnectedAsync(socket).ConfigureAwait(false);
        _run = Task.Run(() => RunAsync(socket), CancellationToken.None);
    }

    /// <summary>
    /// Subscribes each channel (one <c>subscribe</c> command per channel, so each gets its own sid and can be
    /// resubscribed alone) and waits for Kalshi's <c>subscribed</c>. <c>orderbook_delta</c> needs market tickers;
    /// <c>market_lifecycle_v2</c> always covers all markets. A non-terminal error (6, 8, 16 …) throws
    /// <see cref="KalshiWebSocketException"/> and leaves none of these subscriptions behind.
    /// </summary>
    public async Task<IReadOnlyList<KalshiSubscription>> SubscribeAsync(IEnumerable<string> channels, IEnumerable<string>? marketTickers = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_run is null)
        {
            throw new InvalidOperationException("Call ConnectAsync before subscribing.");
        }

        string[] names = [.. channels.Distinct(StringComparer.Ordinal)];
        string[] tickers = [.. (marketTickers ?? []).Distinct(StringComparer.Ordinal)];
        if (names.Length == 0)
        {
            throw new ArgumentException("At least one channel is required.", nameof(channels));
        }

        if (names.Contains(KalshiChannels.OrderbookDelta) && tickers.Length == 0)
        {
            throw new ArgumentException("orderbook_delta needs at least one market ticker.", nameof(marketTickers));
        }

        var subscriptions = names.Select(c => new KalshiSubscription(c, c == KalshiChannels.MarketLifecycle ? [] : tickers)).ToList();
        var commands = new List<Outbound>();
        lock (_gate)
        {
            foreach (var subscription in subscriptions)
            {
                _subscriptions.Add(subscription);
                if (subscription.IsOrderBook)
                {
                    foreach (var ticker in tickers)
                    {
                        BookFor(ticker, subscription);
                    }
                }

                AddIfAny(commands, SubscribeCommand(subscription));
            }
        }

        await SendAllAsync(commands).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(subscriptions.Select(s => s.FirstConfirmation.Task)).WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await AbandonAsync(subscriptions).ConfigureAwait(false);
            throw;
        }

        return subscriptions;
    }

    /// <summary>Ends these subscriptions (they are not resubscribed again) and waits for Kalshi's <c>unsubscribed</c>.</summary>
    public async Task UnsubscribeAsync(IEnumerable<KalshiSubscription> subscriptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        Outbound? command = null;
        PendingCommand? pending = null;
        lock (_gate)
        {
            var sids = new List<long>();
            foreach (var subscription in subscriptions.Distinct())
            {
                if (!subscription.Removed)
                {
                    if (subscription.CurrentSid > 0)
                    {
                        sids.Add(subscription.CurrentSid);
                    }

                    Remove(subscription);
                }
            }

            if (sids.Count > 0 && _socket is not null)
            {
                pending = new PendingCommand(CommandKind.Unsubscribe) { AwaitedSids = [.. sids] };
                command = Command("unsubscribe", new SidsParams([.. sids]), pending);
            }
        }

        if (command is { } unsubscribe && pending is not null)
        {
            await SendAsync(unsubscribe).ConfigureAwait(false);
            await pending.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <c>update_subscription</c> for a confirmed subscription and waits for Kalshi's <c>ok</c>. Adding markets to
    /// an order book subscription brings their snapshots; <see cref="SubscriptionUpdate.GetSnapshot"/> keeps serving the
    /// current book until the new snapshot replaces it.
    /// </summary>
    public async Task UpdateSubscriptionAsync(KalshiSubscription subscription, SubscriptionUpdate action, IEnumerable<string> marketTickers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(marketTickers);
        string[] tickers = [.. marketTickers.Distinct(StringComparer.Ordinal)];
        if (tickers.Length == 0)
        {
            throw new ArgumentException("At least one market ticker is required.", nameof(marketTickers));
        }

        PendingCommand pending;
        Outbound command;
        lock (_gate)
        {
            if (subscription.Removed || subscription.CurrentSid == 0 || _socket is null)
            {
                throw new InvalidOperationException($"The subscription {subscription} is not confirmed on the current connection.");
            }

            if (subscription.IsOrderBook && action != SubscriptionUpdate.DeleteMarkets)
            {
                foreach (var ticker in tickers)
                {
                    BookFor(ticker, subscription).SnapshotPending = true;
                }
            }

            pending = new PendingCommand(CommandKind.Update, subscription) { Action = action, Tickers = tickers };
            command = Command("update_subscription", new UpdateParams([subscription.CurrentSid], tickers, ActionName(action)), pending)!.Value;
        }

        await SendAsync(command).ConfigureAwait(false);
        await pending.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The market's book as of the last message, or false while there is none to trust: before the first snapshot,
    /// after a sequence gap or a corrupt delta until the fresh snapshot, and while reconnecting.
    /// </summary>
    public bool TryGetBook(string marketTicker, [MaybeNullWhen(false)] out OrderBook book)
    {
        lock (_gate)
        {
            if (_books.TryGetValue(marketTicker, out var market) && market.Live)
            {
                book = market.Book.ToOrderBook();
                return true;
            }
        }

        book = null;
        return false;
    }

    /// <summary>Closes the connection politely (close frame, 2 s at most), stops reconnecting and completes <see cref="Messages"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closing = true;
        ClientWebSocket? socket;
        lock (_gate)
        {
            socket = _socket;
        }

        if (_run is not null && socket is { State: WebSocketState.Open })
        {
            try
            {
                await TryCloseOutputAsync(socket).ConfigureAwait(false);
                await _run.WaitAsync(CloseTimeout, _time).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                // Kalshi did not finish the close handshake in time: the socket is aborted below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
            FailPending("the client was disposed");
            foreach (var subscription in _subscriptions)
            {
                subscription.FirstConfirmation.TrySetCanceled();
            }
        }

        _messages.Writer.TryComplete();
        _lifetime.Dispose();
    }

    private async Task<ClientWebSocket> OpenAsync(CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = _options.KeepAliveTimeout;
            if (_signer is not null)
            {
                var timestampMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
                socket.Options.SetRequestHeader("KALSHI-ACCESS-KEY", _signer.KeyId);
                socket.Options.SetRequestHeader("KALSHI-ACCESS-TIMESTAMP", timestampMs.ToString(CultureInfo.InvariantCulture));
                socket.Options.SetRequestHeader("KALSHI-ACCESS-SIGNATURE", _signer.Sign(timestampMs, "GET", SignedPath));
            }

            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token, timeout.Token);
            await socket.ConnectAsync(_options.Url, linked.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task RunAsync(ClientWebSocket socket)
    {
        var ct = _lifetime.Token;
        try
        {
            var attempt = 0;
            while (true)
            {
                string reason;
                try
                {
                    await ReceiveLoopAsync(socket, ct).ConfigureAwait(false);
                    reason = string.IsNullOrEmpty(socket.CloseStatusDescription) ? "closed by Kalshi" : $"closed by Kalshi: {socket.CloseStatusDescription}";
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    reason = "client stopped";
                }
                catch (Exception ex)
                {
                    reason = ex.Message;
                    LogConnectionLost(_logger, ex);
                }

                OnDisconnected(socket, reason);
                if (_closing || ct.IsCancellationRequested)
                {
                    return;
                }

                while (true)
                {
                    var delay = _options.Backoff.DelayFor(attempt++);
                    await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                    try
                    {
                        socket = await OpenAsync(ct).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        LogReconnectFailed(_logger, attempt, ex);
                    }
                }

                attempt = 0;
                await OnConnectedAsync(socket).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed while waiting to reconnect.
        }
        catch (Exception ex)
        {
            // A bug must not become an unobserved task exception: report it and stop.
            LogRunFailed(_logger, ex);
            _messages.Writer.TryWrite(new ConnectionChanged(false, _connectionNumber, $"the client stopped: {ex.Message}", _time.GetUtcNow()));
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var frame = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(frame.GetMemory(8 * 1024), ct).ConfigureAwait(false);
                frame.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await TryCloseOutputAsync(socket).ConfigureAwait(false);
                }

                return;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Publish(new MalformedFrame($"<{frame.WrittenCount} binary bytes>", "Kalshi sends JSON text frames only", _time.GetUtcNow()));
                continue;
            }

            await HandleFrameAsync(frame.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame)
    {
        var now = _time.GetUtcNow();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException ex)
        {
            ReportMalformed(frame, $"not JSON: {ex.Message}", now);
            return;
        }

        using (document)
        {
            try
            {
                await DispatchAsync(document.RootElement, now).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is KalshiDataException or JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                ReportMalformed(frame, ex.Message, now);
            }
        }
    }

    private async Task DispatchAsync(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new KalshiDataException("type", null, $"the frame is a JSON {root.ValueKind}, not an object");
        }

        var type = Text(root, "type") ?? throw new KalshiDataException("type", null, "is missing");
        var id = Number(root, "id") is { } rawId ? (int?)checked((int)rawId) : null;
        var sid = Number(root, "sid");
        var seq = Number(root, "seq");
        var msg = root.TryGetProperty("msg", out var body) ? body : default;
        switch (type)
        {
            case "subscribed":
                await OnSubscribedAsync(id, Number(msg, "sid") ?? sid ?? throw new KalshiDataException("msg.sid", null, "is missing")).ConfigureAwait(false);
                break;
            case "unsubscribed":
                await OnUnsubscribedAsync(id, sid).ConfigureAwait(false);
                break;
            case "ok":
                OnOk(id, sid, seq, msg);
                break;
            case "error":
                await OnErrorAsync(id, sid, msg, now).ConfigureAwait(false);
                break;
            case "orderbook_snapshot":
                await OnSnapshotAsync(RequireSid(sid, type), seq, msg, now).ConfigureAwait(false);
                break;
            case "orderbook_delta":
                await OnDeltaAsync(RequireSid(sid, type), seq, msg, now).ConfigureAwait(false);
                break;
            case "ticker":
                Publish(KalshiStreamParser.Ticker(msg, sid ?? 0, now));
                break;
            case "trade":
                Publish(KalshiStreamParser.Trade(msg, sid ?? 0, now));
                break;
            case "fill":
                Publish(KalshiStreamParser.Fill(msg, sid ?? 0, now));
                break;
            case "user_order":
                Publish(KalshiStreamParser.UserOrder(msg, sid ?? 0, now));
                break;
            case "market_lifecycle_v2":
                Publish(KalshiStreamParser.Lifecycle(msg, sid ?? 0, now));
                break;
            default:
                // Channels this client does not model yet (market_position, event_lifecycle, …) are skipped, not errors.
                LogSkipped(_logger, type);
                break;
        }
    }

    private async Task OnSubscribedAsync(int? id, long sid)
    {
        Outbound? cleanup = null;
        lock (_gate)
        {
            if (id is not { } commandId || !_pending.Remove(commandId, out var pending) || pending.Subscription is not { } subscription)
            {
                LogUnexpected(_logger, "subscribed", id);
                return;
            }

            subscription.SubscribePending = false;
            if (subscription.Removed)
            {
                // Unsubscribed by the desk while Kalshi was confirming it.
                cleanup = Command("unsubscribe", new SidsParams([sid]), new PendingCommand(CommandKind.Internal));
            }
            else
            {
                subscription.CurrentSid = sid;
                subscription.LastSeq = null;
                subscription.RetryAttempt = 0;
                _bySid[sid] = subscription;
                subscription.FirstConfirmation.TrySetResult(sid);
            }
        }

        if (cleanup is { } command)
        {
            await SendAsync(command).ConfigureAwait(false);
        }
    }

    private async Task OnUnsubscribedAsync(int? id, long? sid)
    {
        Outbound? next = null;
        lock (_gate)
        {
            if (sid is { } gone && _bySid.TryGetValue(gone, out var stale) && stale.CurrentSid == gone)
            {
                _bySid.Remove(gone);
            }

            if (id is { } commandId && _pending.TryGetValue(commandId, out var pending))
            {
                switch (pending.Kind)
                {
                    case CommandKind.Unsubscribe:
                        if (sid is { } acked)
                        {
                            pending.AwaitedSids.Remove(acked);
                        }

                        if (sid is null || pending.AwaitedSids.Count == 0)
                        {
                            _pending.Remove(commandId);
                            pending.Completion.TrySetResult();
                        }

                        break;
                    case CommandKind.ResubscribeAfterUnsubscribe:
                        _pending.Remove(commandId);
                        next = SubscribeCommand(pending.Subscription!);
                        break;
                    default:
                        _pending.Remove(commandId);
                        break;
                }
            }
        }

        if (next is { } command)
        {
            await SendAsync(command).ConfigureAwait(false);
        }
    }

    private void OnOk(int? id, long? sid, long? seq, JsonElement msg)
    {
        lock (_gate)
        {
            // Acks carry the sid's seq; advance only when it is the next one, so an ack that does not consume a number cannot fake a gap.
            if (sid is { } ackSid && seq is { } ackSeq && _bySid.TryGetValue(ackSid, out var acked) && acked.LastSeq is { } last && ackSeq == last + 1)
            {
                acked.LastSeq = ackSeq;
            }

            if (id is not { } commandId || !_pending.Remove(commandId, out var pending))
            {
                return;
            }

            if (pending.Kind == CommandKind.Update && pending.Subscription is { } subscription)
            {
                var before = subscription.MarketTickers;
                var after = msg.ValueKind == JsonValueKind.Object && msg.TryGetProperty("market_tickers", out var list) && list.ValueKind == JsonValueKind.Array
                    ? [.. list.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
                    : pending.Action switch
                    {
                        SubscriptionUpdate.AddMarkets => [.. before.Union(pending.Tickers)],
                        SubscriptionUpdate.DeleteMarkets => [.. before.Except(pending.Tickers)],
                        _ => before,
                    };
                subscription.MarketTickers = after;
                foreach (var removed in before.Except(after))
                {
                    if (_books.TryGetValue(removed, out var book) && book.Subscription == subscription)
                    {
                        _books.Remove(removed);
                    }
                }
            }

            pending.Completion.TrySetResult();
        }
    }

    private async Task OnErrorAsync(int? id, long? sid, JsonElement msg, DateTimeOffset now)
    {
        var code = Number(msg, "code") is { } rawCode ? checked((int)rawCode) : throw new KalshiDataException("msg.code", null, "is missing");
        var text = Text(msg, "msg") ?? string.Empty;
        var ticker = Text(msg, "market_ticker");

        // NOTES §4.2 and the AsyncAPI: 10 channel error, 17 internal error, 25 buffer overflow end the subscription.
        var terminal = code is 10 or 17 or 25;
        var resubscribe = new List<KalshiSubscription>();
        var commands = new List<Outbound>();
        long? subjectSid = sid;
        lock (_gate)
        {
            if (id is { } commandId && _pending.Remove(commandId, out var pending))
            {
                var subscription = pending.Subscription;
                switch (pending.Kind)
                {
                    case CommandKind.Subscribe when subscription is not null:
                        subscription.SubscribePending = false;
                        if (terminal)
                        {
                            resubscribe.Add(subscription);
                        }
                        else
                        {
                            subscription.FirstConfirmation.TrySetException(new KalshiWebSocketException(code, text));
                            Remove(subscription);
                        }

                        break;
                    case CommandKind.Unsubscribe when code == 7:
                        pending.Completion.TrySetResult();
                        break;
                    case CommandKind.Unsubscribe or CommandKind.Update:
                        pending.Completion.TrySetException(new KalshiWebSocketException(code, text));
                        break;
                    case CommandKind.SnapshotRequest when subscription is not null:
                        // get_snapshot refused: fall back to unsubscribe + subscribe, which also brings a snapshot.
                        resubscribe.Add(subscription);
                        break;
                    case CommandKind.ResubscribeAfterUnsubscribe when subscription is not null:
                        AddIfAny(commands, SubscribeCommand(subscription));
                        break;
                    default:
                        break;
                }

                subjectSid ??= subscription?.Sid;
            }
            else if (terminal)
            {
                var target = id is { } oldId && _subscribeCommands.TryGetValue(oldId, out var byCommand) ? byCommand
                    : sid is { } bySid && _bySid.TryGetValue(bySid, out var bySidSubscription) ? bySidSubscription
                    : null;
                if (target is not null)
                {
                    resubscribe.Add(target);
                    subjectSid ??= target.Sid;
                }
                else if (ticker is not null)
                {
                    resubscribe.AddRange(_subscriptions.Where(s => s.MarketTickers.Contains(ticker)));
                }
            }
        }

        Publish(new StreamError(id, code, text, subjectSid, ticker, resubscribe.Count > 0, now));
        foreach (var subscription in resubscribe)
        {
            AddIfAny(commands, BeginResubscribe(subscription, $"Kalshi error {code}: {text}"));
        }

        await SendAllAsync(commands).ConfigureAwait(false);
    }

    private async Task OnSnapshotAsync(long sid, long? seq, JsonElement msg, DateTimeOffset now)
    {
        var (ticker, yesBids, noBids) = KalshiStreamParser.Snapshot(msg);
        Outbound? resync = null;
        lock (_gate)
        {
            if (!_bySid.TryGetValue(sid, out var subscription) || !subscription.IsOrderBook)
            {
                return;
            }

            var book = BookFor(ticker, subscription);
            if (seq is { } current)
            {
                // A snapshot for a book that is waiting for one sets the baseline; one for a live book is checked like a delta.
                if (book.Live && subscription.LastSeq is { } last && current != last + 1)
                {
                    resync = Resync(subscription, $"seq gap on sid {sid}: expected {last + 1}, got {current}", ticker, now);
                }

                subscription.LastSeq = current;
            }

            book.Book.ApplySnapshot(yesBids, noBids);
            book.Live = true;
            book.SnapshotPending = false;
            Publish(new BookUpdated(sid, seq ?? 0, ticker, true, book.Book.ToOrderBook(), now));
        }

        if (resync is { } command)
        {
            await SendAsync(command).ConfigureAwait(false);
        }
    }

    private async Task OnDeltaAsync(long sid, long? seq, JsonElement msg, DateTimeOffset now)
    {
        var (ticker, side, price, delta) = KalshiStreamParser.Delta(msg);
        Outbound? resync = null;
        lock (_gate)
        {
            if (!_bySid.TryGetValue(sid, out var subscription) || !subscription.IsOrderBook)
            {
                return;
            }

            var book = BookFor(ticker, subscription);
            if (seq is { } current)
            {
                var last = subscription.LastSeq;
                subscription.LastSeq = current;
                if (last is { } previous && current != previous + 1)
                {
                    resync = Resync(subscription, $"seq gap on sid {sid}: expected {previous + 1}, got {current}", null, now);
                }
            }

            if (resync is null)
            {
                if (!book.Live)
                {
                    if (!book.SnapshotPending)
                    {
                        resync = RequestSnapshot(subscription, [book], "a delta arrived before any snapshot", now);
                    }
                }
                else if (!book.Book.TryApplyDelta(side, price, delta))
                {
                    resync = RequestSnapshot(subscription, [book], $"a delta of {delta} at {side} {price} would leave a negative size", now);
                }
                else
                {
                    Publish(new BookUpdated(sid, seq ?? 0, ticker, false, book.Book.ToOrderBook(), now));
                }
            }
        }

        if (resync is { } command)
        {
            await SendAsync(command).ConfigureAwait(false);
        }
    }

    private async Task OnConnectedAsync(ClientWebSocket socket)
    {
        var commands = new List<Outbound>();
        lock (_gate)
        {
            _socket = socket;
            _nextCommandId = 0;
            _connectionNumber++;
            Publish(new ConnectionChanged(true, _connectionNumber, null, _time.GetUtcNow()));
            foreach (var subscription in _subscriptions)
            {
                AddIfAny(commands, SubscribeCommand(subscription));
            }
        }

        await SendAllAsync(commands).ConfigureAwait(false);
    }

    private void OnDisconnected(ClientWebSocket socket, string reason)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (ReferenceEquals(_socket, socket))
            {
                _socket = null;
            }

            FailPending($"the connection was lost ({reason}) before Kalshi answered");
            _subscribeCommands.Clear();
            _bySid.Clear();
            foreach (var subscription in _subscriptions)
            {
                subscription.CurrentSid = 0;
                subscription.LastSeq = null;
                subscription.SubscribePending = false;
            }

            foreach (var book in _books.Values)
            {
                Invalidate(book, "the connection was lost", now);
                book.SnapshotPending = false;
            }

            Publish(new ConnectionChanged(false, _connectionNumber, reason, now));
        }

        socket.Dispose();
    }

    /// <summary>Drops a subscription's books and asks for its markets again: unsubscribe then subscribe, or a delayed subscribe when it has no sid.</summary>
    private Outbound? BeginResubscribe(KalshiSubscription subscription, string reason)
    {
        var now = _time.GetUtcNow();
        TimeSpan delay;
        int connection;
        lock (_gate)
        {
            if (subscription.Removed || _socket is null)
            {
                return null;
            }

            foreach (var book in BooksOf(subscription))
            {
                Invalidate(book, reason, now);
                book.SnapshotPending = false;
            }

            var oldSid = subscription.CurrentSid;
            subscription.CurrentSid = 0;
            subscription.LastSeq = null;
            if (oldSid > 0)
            {
                _bySid.Remove(oldSid);
                return Command("unsubscribe", new SidsParams([oldSid]), new PendingCommand(CommandKind.ResubscribeAfterUnsubscribe, subscription));
            }

            if (subscription.SubscribePending)
            {
                return null;
            }

            delay = _options.Backoff.DelayFor(subscription.RetryAttempt++);
            subscription.SubscribePending = true;
            connection = _connectionNumber;
        }

        _ = SubscribeLaterAsync(subscription, delay, connection);
        return null;
    }

    private async Task SubscribeLaterAsync(KalshiSubscription subscription, TimeSpan delay, int connection)
    {
        try
        {
            await Task.Delay(delay, _time, _lifetime.Token).ConfigureAwait(false);
            Outbound? command;
            lock (_gate)
            {
                if (_connectionNumber != connection)
                {
                    // Reconnected meanwhile: the reconnect resubscribed everything.
                    return;
                }

                subscription.SubscribePending = false;
                command = SubscribeCommand(subscription);
            }

            if (command is { } subscribe)
            {
                await SendAsync(subscribe).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed meanwhile.
        }
    }

    private async Task AbandonAsync(List<KalshiSubscription> subscriptions)
    {
        var commands = new List<Outbound>();
        lock (_gate)
        {
            foreach (var subscription in subscriptions.Where(s => !s.Removed))
            {
                if (subscription.CurrentSid > 0)
                {
                    AddIfAny(commands, Command("unsubscribe", new SidsParams([subscription.CurrentSid]), new PendingCommand(CommandKind.Internal)));
                }

                Remove(subscription);
            }
        }

        await SendAllAsync(commands).ConfigureAwait(false);
    }

    // ---- Under _gate ----

    private Outbound? SubscribeCommand(KalshiSubscription subscription)
    {
        if (subscription.Removed || subscription.SubscribePending || subscription.CurrentSid > 0 || _socket is null)
        {
            return null;
        }

        var parameters = new SubscribeParams(
            [subscription.Channel],
            subscription.MarketTickers.Count > 0 ? subscription.MarketTickers : null,
            subscription.IsOrderBook ? false : null);
        var command = Command("subscribe", parameters, new PendingCommand(CommandKind.Subscribe, subscription));
        if (command is { } sent)
        {
            subscription.SubscribePending = true;
            _subscribeCommands[sent.Id] = subscription;
        }

        return command;
    }

    private Outbound? Resync(KalshiSubscription subscription, string reason, string? exceptTicker, DateTimeOffset now) =>
        RequestSnapshot(subscription, [.. BooksOf(subscription).Where(b => b.Book.MarketTicker != exceptTicker)], reason, now);

    /// <summary>Drops these books and sends <c>update_subscription</c> <c>get_snapshot</c> for their markets.</summary>
    private Outbound? RequestSnapshot(KalshiSubscription subscription, List<MarketBook> books, string reason, DateTimeOffset now)
    {
        foreach (var book in books)
        {
            Invalidate(book, reason, now);
            book.SnapshotPending = true;
        }

        if (books.Count == 0 || subscription.CurrentSid == 0)
        {
            return null;
        }

        LogResync(_logger, subscription.CurrentSid, reason);
        string[] tickers = [.. books.Select(b => b.Book.MarketTicker)];
        return Command(
            "update_subscription",
            new UpdateParams([subscription.CurrentSid], tickers, ActionName(SubscriptionUpdate.GetSnapshot)),
            new PendingCommand(CommandKind.SnapshotRequest, subscription));
    }

    private Outbound? Command(string cmd, object parameters, PendingCommand pending)
    {
        if (_socket is not { } socket)
        {
            return null;
        }

        var id = ++_nextCommandId;
        _pending[id] = pending;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { id, cmd, @params = parameters }, KalshiJson.Options);
        return new Outbound(socket, id, payload);
    }

    private MarketBook BookFor(string ticker, KalshiSubscription subscription)
    {
        if (!_books.TryGetValue(ticker, out var book))
        {
            book = new MarketBook(new LocalOrderBook(ticker), subscription);
            _books[ticker] = book;
        }

        book.Subscription = subscription;
        return book;
    }

    private IEnumerable<MarketBook> BooksOf(KalshiSubscription subscription) => _books.Values.Where(b => b.Subscription == subscription);

    private void Invalidate(MarketBook book, string reason, DateTimeOffset now)
    {
        if (book.Live)
        {
            book.Live = false;
            Publish(new BookInvalidated(book.Book.MarketTicker, reason, now));
        }
    }

    private void Remove(KalshiSubscription subscription)
    {
        subscription.Removed = true;
        _subscriptions.Remove(subscription);
        if (subscription.CurrentSid > 0 && _bySid.TryGetValue(subscription.CurrentSid, out var current) && current == subscription)
        {
            _bySid.Remove(subscription.CurrentSid);
        }

        subscription.CurrentSid = 0;
        foreach (var book in BooksOf(subscription).ToList())
        {
            _books.Remove(book.Book.MarketTicker);
        }

        subscription.FirstConfirmation.TrySetCanceled();
    }

    private void FailPending(string reason)
    {
        foreach (var pending in _pending.Values)
        {
            if (pending.Kind == CommandKind.Update)
            {
                pending.Completion.TrySetException(new KalshiWebSocketException(null, reason));
            }
            else
            {
                // Only updates have a caller to tell; a subscription ends with its connection anyway.
                pending.Completion.TrySetResult();
            }
        }

        _pending.Clear();
    }

    // ---- Sending ----

    private async Task SendAllAsync(List<Outbound> commands)
    {
        foreach (var command in commands)
        {
            await SendAsync(command).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one command; a dead socket is not an error here: the receive loop sees it, reconnects and resubscribes.</summary>
    private async Task SendAsync(Outbound command)
    {
        try
        {
            await _sendLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
            try
            {
                await command.Socket.SendAsync(command.Payload, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            LogSendFailed(_logger, command.Id, ex.Message);
        }
    }

    private async Task TryCloseOutputAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout, _time);
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer is gone already.
        }
    }

    private void Publish(KalshiStreamMessage message) => _messages.Writer.TryWrite(message);

    private void ReportMalformed(ReadOnlyMemory<byte> frame, string problem, DateTimeOffset now)
    {
        var text = Encoding.UTF8.GetString(frame.Span[..Math.Min(frame.Length, 2000)]);
        LogMalformed(_logger, problem);
        Publish(new MalformedFrame(text, problem, now));
    }

    private static void AddIfAny(List<Outbound> commands, Outbound? command)
    {
        if (command is { } value)
        {
            commands.Add(value);
        }
    }

    private static long RequireSid(long? sid, string type) => sid ?? throw new KalshiDataException("sid", null, $"is missing on {type}");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static string ActionName(SubscriptionUpdate action) => action switch
    {
        SubscriptionUpdate.AddMarkets => "add_markets",
        SubscriptionUpdate.DeleteMarkets => "delete_markets",
        SubscriptionUpdate.GetSnapshot => "get_snapshot",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kalshi WebSocket connection lost")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kalshi WebSocket reconnect attempt {Attempt} failed")]
    private static partial void LogReconnectFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kalshi WebSocket client stopped after an unexpected failure")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kalshi WebSocket message type {Type} skipped")]
    private static partial void LogSkipped(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kalshi WebSocket {Type} for unknown command {Id}")]
    private static partial void LogUnexpected(ILogger logger, string type, int? id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kalshi order book sid {Sid} resynchronising: {Reason}")]
    private static partial void LogResync(ILogger logger, long sid, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kalshi WebSocket command {Id} not sent: {Problem}")]
    private static partial void LogSendFailed(ILogger logger, int id, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kalshi WebSocket frame refused: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);

    private enum CommandKind
    {
        Subscribe,
        Unsubscribe,
        Update,
        SnapshotRequest,
        ResubscribeAfterUnsubscribe,
        Internal,
    }

    private readonly record struct Outbound(ClientWebSocket Socket, int Id, byte[] Payload);

    private sealed record SubscribeParams(string[] Channels, IReadOnlyList<string>? MarketTickers, bool? UseYesPrice);

    private sealed record SidsParams(long[] Sids);

    private sealed record UpdateParams(long[] Sids, string[] MarketTickers, string Action);

    private sealed class PendingCommand(CommandKind kind, KalshiSubscription? subscription = null)
    {
        public CommandKind Kind { get; } = kind;

        public KalshiSubscription? Subscription { get; } = subscription;

        public SubscriptionUpdate Action { get; init; }

        public string[] Tickers { get; init; } = [];

        public HashSet<long> AwaitedSids { get; init; } = [];

        /// <summary>Faults only for a caller who awaits it; observed here too so a caller that gave up cannot leave an unobserved exception.</summary>
        public TaskCompletionSource Completion { get; } = Observed(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        private static TaskCompletionSource Observed(TaskCompletionSource source)
        {
            source.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return source;
        }
    }

    private sealed class MarketBook(LocalOrderBook book, KalshiSubscription subscription)
    {
        public LocalOrderBook Book { get; } = book;

        public KalshiSubscription Subscription { get; set; } = subscription;

        /// <summary>Built from a snapshot and every delta since: safe to serve.</summary>
        public bool Live { get; set; }

        /// <summary>A snapshot was asked for with get_snapshot and has not come yet.</summary>
        public bool SnapshotPending { get; set; }
    }
}
