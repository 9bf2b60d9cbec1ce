using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.WebSockets;
using KalshiDesk.Sandbox;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

/// <summary>The desk's real <see cref="KalshiWebSocketClient"/> against the built-in Sandbox's WebSocket API, with the world ticked by the test.</summary>
public sealed class SandboxStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<KalshiStreamMessage> _seen = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;
    private KalshiTestSigner _signer = null!;
    private HttpClient _http = null!;
    private KalshiClient _rest = null!;
    private KalshiWebSocketClient _client = null!;
    private Task _pump = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // The REST client here compares books after every tick, far faster than Kalshi's Basic tier allows and without the
        // desk's pacing handler, so the Sandbox's rate limits are off; both clients sign with its demo key on its clock.
        _server = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 42, RateLimits = { Enabled = false } }, _time);
        _signer = new KalshiTestSigner(_server.DemoKey.KeyId, _server.DemoKey.PrivateKeyPem, _time);
        _http = _signer.CreateClient(_server.BaseUrl);
        _rest = new KalshiClient(_http, TimeProvider.System);
        _client = new KalshiWebSocketClient(new KalshiWebSocketOptions { Url = _server.WebSocketUrl }, _signer.Signer, _time);
        await _client.ConnectAsync();
        _pump = Task.Run(async () =>
        {
            await foreach (var message in _client.Messages.ReadAllAsync())
            {
                _seen.Enqueue(message);
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _pump;
        _http.Dispose();
        _signer.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TryGetBook_AfterEachOfTwentyTicks_EqualsTheRestOrderBookOfEverySubscribedMarket()
    {
        string[] tickers = [.. _server.Exchange.Tickers.Take(12)];
        await _client.SubscribeAsync([KalshiChannels.OrderbookDelta], tickers);

        for (var tick = 0; tick <= 20; tick++)
        {
            if (tick > 0)
            {
                _time.Advance(TimeSpan.FromSeconds(2));
                _server.Exchange.Tick();
            }

            await Eventually.Until(
                async () =>
                {
                    foreach (var ticker in tickers)
                    {
                        if (!_client.TryGetBook(ticker, out var book) || !SameBook(book, await _rest.GetOrderBookAsync(ticker)))
                        {
                            return false;
                        }
                    }

                    return true;
                },
                Wait,
                $"the streamed books match REST after tick {tick}");
        }

        Assert.DoesNotContain(_seen, m => m is BookInvalidated or MalformedFrame or StreamError);
        Assert.Contains(_seen, m => m is BookUpdated { FromSnapshot: false });
    }

    [Fact]
    public async Task SubscribeTicker_AfterATick_TickerUpdatesCarryTheMarketsTopOfBook()
    {
        await _client.SubscribeAsync([KalshiChannels.Ticker]);

        _time.Advance(TimeSpan.FromSeconds(2));
        _server.Exchange.Tick();
        await Eventually.Until(() => _seen.OfType<TickerUpdate>().Count() >= 10, Wait, "ticker updates arrive after a tick");

        foreach (var update in _seen.OfType<TickerUpdate>().Take(10))
        {
            var book = await _rest.GetOrderBookAsync(update.MarketTicker);
            Assert.Equal(book.BestYesBid ?? Price.Zero, update.YesBid);
            Assert.Equal(book.YesAsk ?? Price.One, update.YesAsk);
            Assert.Equal(book.YesBids.Count > 0 ? book.YesBids[0].Size : Quantity.Zero, update.YesBidSize);
            Assert.Equal(_time.GetUtcNow(), update.ExchangeTime);
        }
    }

    [Fact]
    public async Task SubscribeFill_RestOrderThatCrosses_FillAndUserOrderArrive()
    {
        await _client.SubscribeAsync([KalshiChannels.Fill, KalshiChannels.UserOrders]);
        var (ticker, ask) = (string.Empty, Price.One);
        foreach (var candidate in _server.Exchange.Tickers)
        {
            if ((await _rest.GetOrderBookAsync(candidate)).YesAsk is { Dollars: < 0.9m } yesAsk)
            {
                (ticker, ask) = (candidate, yesAsk);
                break;
            }
        }

        using var response = await _http.PostAsJsonAsync("portfolio/events/orders", new
        {
            ticker, client_order_id = "sandbox-stream-1", side = "bid", count = "2.00", price = ask.ToString(), time_in_force = "immediate_or_cancel", self_trade_prevention_type = "taker_at_cross",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order_id").GetString();
        await Eventually.Until(
            () => _seen.OfType<FillUpdate>().Any(f => f.OrderId == orderId) && _seen.OfType<UserOrderUpdate>().Any(o => o.OrderId == orderId),
            Wait,
            "the fill and the order update arrive");

        var fill = Assert.Single(_seen.OfType<FillUpdate>(), f => f.OrderId == orderId);
        Assert.Equal((ticker, true, Side.Yes, ask, Quantity.Of(2m), 2m, "sandbox-stream-1"), (fill.MarketTicker, fill.IsTaker, fill.OutcomeSide, fill.YesPrice, fill.Count, fill.PostPosition, fill.ClientOrderId));
        Assert.True(fill.Fee.Dollars > 0m);
        var order = Assert.Single(_seen.OfType<UserOrderUpdate>(), o => o.OrderId == orderId);
        Assert.Equal(("executed", Quantity.Of(2m), Quantity.Zero), (order.Status, order.FilledCount, order.RemainingCount));
    }

    private static bool SameBook(OrderBook streamed, OrderBook rest) =>
        streamed.YesBids.SequenceEqual(rest.YesBids) && streamed.NoBids.SequenceEqual(rest.NoBids);
}
