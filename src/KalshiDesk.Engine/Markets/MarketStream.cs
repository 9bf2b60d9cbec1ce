using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Kalshi.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Markets;

/// <summary>
/// Live market data over Kalshi's WebSocket: the latest ticker of every market, the public tape (into the
/// <see cref="TradeTape"/>) and the books of the markets the desk is weighing. The feed prefers these; whenever the stream is down (or was never reachable) it falls back
/// to REST polling, so the desk trades either way.
/// </summary>
public sealed partial class MarketStream(
    IOptions<KalshiOptions> options,
    KalshiSignerHolder keys,
    TradeTape tape,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    /// <summary>A ticker older than this is not trusted over a fresh REST read.</summary>
    public static readonly TimeSpan QuoteLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (TickerUpdate Update, DateTimeOffset At)> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<MarketStream>();
    private KalshiWebSocketClient? _client;
    private KalshiSubscription? _books;
    private Task? _reader;

    /// <summary>Whether the stream is connected now.</summary>
    public bool IsLive => _client?.IsConnected == true;

    /// <summary>How many markets have a ticker from the stream.</summary>
    public int QuotedMarkets => _quotes.Count;

    /// <summary>Whether the stream has sent a ticker for <paramref name="ticker"/>.</summary>
    public bool HasQuote(string ticker) => _quotes.ContainsKey(ticker);

    /// <summary>Connects and subscribes to every market's ticker; a failure leaves the desk on REST and is logged.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (settings.Environment == KalshiEnvironment.Sandbox && settings.WebSocketUrl is null)
        {
            return;
        }

        var client = new KalshiWebSocketClient(KalshiWebSocketOptions.From(settings), keys.Signer, time, loggers.CreateLogger<KalshiWebSocketClient>());
        try
        {
            await client.ConnectAsync(ct).ConfigureAwait(false);
            await client.SubscribeAsync([KalshiChannels.Ticker, KalshiChannels.Trade], null, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or KalshiWebSocketException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            LogUnavailable(_logger, ex, KalshiWebSocketOptions.From(settings).Url);
            await client.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _client = client;
        _reader = Task.Run(() => ReadAsync(client, _stopping.Token), CancellationToken.None);
        LogLive(_logger, KalshiWebSocketOptions.From(settings).Url);
    }

    /// <summary>Keeps the books of <paramref name="tickers"/> from now on (snapshot, then deltas).</summary>
    public async Task WatchBooksAsync(IEnumerable<string> tickers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        var client = _client;
        var fresh = tickers.Where(t => _watched.TryAdd(t, 0)).ToList();
        if (client is null || fresh.Count == 0)
        {
            return;
        }

        await _subscribing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_books is null)
            {
                _books = (await client.SubscribeAsync([KalshiChannels.OrderbookDelta], fresh, ct).ConfigureAwait(false))[0];
            }
            else
            {
                await client.UpdateSubscriptionAsync(_books, SubscriptionUpdate.AddMarkets, fresh, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is KalshiWebSocketException or System.Net.WebSockets.WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            foreach (var ticker in fresh)
            {
                _watched.TryRemove(ticker, out _);
            }

            LogWatchFailed(_logger, ex);
        }
        finally
        {
            _subscribing.Release();
        }
    }

    /// <summary>The market's book as the stream keeps it, when the stream is live and the book is current.</summary>
    public bool TryGetBook(string ticker, [MaybeNullWhen(false)] out OrderBook book)
    {
        book = null;
        return IsLive && _client!.TryGetBook(ticker, out book);
    }

    /// <summary>The market with its quote and last price replaced by a fresh ticker from the stream, if there is one.</summary>
    public MarketSnapshot Freshen(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (!IsLive || !_quotes.TryGetValue(market.Ticker, out var quote) || time.GetUtcNow() - quote.At > QuoteLifetime)
        {
            return market;
        }

        var update = quote.Update;
        return market with
        {
            YesBid = update.YesBid.Dollars > 0m ? update.YesBid : null,
            YesAsk = update.YesAsk.Dollars < 1m ? update.YesAsk : null,
            LastPrice = update.LastPrice.Dollars > 0m ? update.LastPrice : market.LastPrice,
            ObservedAt = quote.At,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
        _subscribing.Dispose();
    }

    private async Task ReadAsync(KalshiWebSocketClient client, CancellationToken ct)
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (message is TickerUpdate ticker)
                {
                    _quotes[ticker.MarketTicker] = (ticker, time.GetUtcNow());
                }
                else if (message is TradePrint trade)
                {
                    tape.Add(new RecentTrade(trade.MarketTicker, trade.YesPrice, trade.Count, trade.TakerOutcomeSide, trade.ExchangeTime));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market stream live at {Url}: quotes and books come over the WebSocket")]
    private static partial void LogLive(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market stream unavailable at {Url}; the desk polls REST instead")]
    private static partial void LogUnavailable(ILogger logger, Exception ex, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to order books; those markets use REST books")]
    private static partial void LogWatchFailed(ILogger logger, Exception ex);
}
