using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Sandbox;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>What moved the books during a phase.</summary>
internal sealed record DriveResult(string What, long Changes, double Seconds, IReadOnlyList<double> ChangeMillis, long Late, long Failed)
{
    public double ChangesPerSecond => Changes / Seconds;
}

/// <summary>Calls <see cref="SandboxExchange.Tick"/> at a fixed rate on a thread of its own; a tick that overruns its slot is counted late and the next one starts at once.</summary>
internal static class TickDriver
{
    public static Task<DriveResult> RunAsync(SandboxExchange exchange, double ticksPerSecond, TimeSpan duration)
    {
        var done = new TaskCompletionSource<DriveResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(Run(exchange, ticksPerSecond, duration));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "bookstream-tick-driver",
        };
        thread.Start();
        return done.Task;
    }

    private static DriveResult Run(SandboxExchange exchange, double ticksPerSecond, TimeSpan duration)
    {
        var interval = (long)(Stopwatch.Frequency / ticksPerSecond);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = start;
        var millis = new List<double>();
        long late = 0;
        while (next < end)
        {
            var wait = next - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                continue;
            }

            var t0 = Stopwatch.GetTimestamp();
            exchange.Tick();
            var t1 = Stopwatch.GetTimestamp();
            millis.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            next += interval;
            if (next < t1)
            {
                late++;
                next = t1;
            }
        }

        return new DriveResult("Tick()", millis.Count, Stopwatch.GetElapsedTime(start).TotalSeconds, millis, late, Failed: 0);
    }
}

/// <summary>
/// Places and cancels one-contract GTC YES bids at 1¢ (which rest and never match) through
/// <c>POST/DELETE /trade-api/v2/portfolio/events/orders</c>, paced to a rate of requests; each request moves one level of
/// one subscribed book. Signed with the Sandbox's demo key when it has one.
/// </summary>
internal sealed class OrderDriver : IDisposable
{
    private readonly HttpClient _http;
    private readonly KalshiRequestSigner _signer;
    private readonly IReadOnlyList<string> _tickers;
    private readonly Uri _orders;

    public OrderDriver(SandboxServer server, KalshiRequestSigner signer, IReadOnlyList<string> tickers, int workers)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        _signer = signer;
        _tickers = tickers;
        _orders = new Uri(server.BaseUrl, "portfolio/events/orders");
    }

    public void Dispose() => _http.Dispose();

    public async Task<DriveResult> RunAsync(int requestsPerSecond, int workers, TimeSpan duration)
    {
        var interval = (double)Stopwatch.Frequency / requestsPerSecond;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long slot = -1;
        long done = 0;
        long failed = 0;
        long late = 0;
        var millis = new List<double>[workers];
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var mine = millis[w] = [];
            var random = new Random(w);
            tasks[w] = Task.Run(async () =>
            {
                string? resting = null;
                while (true)
                {
                    var due = start + (long)(Interlocked.Increment(ref slot) * interval);
                    if (due >= end)
                    {
                        break;
                    }

                    var wait = due - Stopwatch.GetTimestamp();
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency)).ConfigureAwait(false);
                    }
                    else if (wait < -Stopwatch.Frequency / 100)
                    {
                        Interlocked.Increment(ref late);
                    }

                    var t0 = Stopwatch.GetTimestamp();
                    bool ok;
                    if (resting is null)
                    {
                        resting = await PlaceAsync(_tickers[random.Next(_tickers.Count)]).ConfigureAwait(false);
                        ok = resting is not null;
                    }
                    else
                    {
                        ok = await CancelAsync(resting).ConfigureAwait(false);
                        resting = null;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    Interlocked.Increment(ref ok ? ref done : ref failed);
                }

                if (resting is not null)
                {
                    await CancelAsync(resting).ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new DriveResult("order request", done, seconds, [.. millis.SelectMany(m => m)], late, failed);
    }

    private async Task<string?> PlaceAsync(string ticker)
    {
        var body = JsonSerializer.Serialize(new
        {
            ticker,
            side = "bid",
            count = "1.00",
            price = "0.01",
            time_in_force = "good_till_canceled",
            self_trade_prevention_type = "taker_at_cross",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _orders) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        SandboxKeys.Sign(_signer, request);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return null;
        }

        using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        return answer.RootElement.GetProperty("order_id").GetString();
    }

    private async Task<bool> CancelAsync(string orderId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(_orders, $"orders/{Uri.EscapeDataString(orderId)}"));
        SandboxKeys.Sign(_signer, request);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}

/// <summary>
/// The same place-and-cancel as <see cref="OrderDriver"/>, but calling the exchange in process
/// (<c>SandboxExchange.PlaceOrder</c>/<c>CancelOrder</c>, what the REST handlers call): no HTTP, no signing, so the
/// stream alone is measured. Paced on a thread of its own: each millisecond it catches up to the rate.
/// </summary>
internal static class ExchangeDriver
{
    public static Task<DriveResult> RunAsync(SandboxExchange exchange, IReadOnlyList<string> tickers, int changesPerSecond, TimeSpan duration)
    {
        var done = new TaskCompletionSource<DriveResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(Run(exchange, tickers, changesPerSecond, duration));
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "bookstream-exchange-driver",
        };
        thread.Start();
        return done.Task;
    }

    private static DriveResult Run(SandboxExchange exchange, IReadOnlyList<string> tickers, int changesPerSecond, TimeSpan duration)
    {
        var random = new Random(7);
        var start = Stopwatch.GetTimestamp();
        var total = (long)(changesPerSecond * duration.TotalSeconds);
        var millis = new List<double>((int)Math.Min(total, 10_000_000));
        string? resting = null;
        long changes = 0;
        long failed = 0;
        long late = 0;
        while (changes + failed < total && Stopwatch.GetElapsedTime(start) < duration)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * changesPerSecond));
            if (due - (changes + failed) > changesPerSecond / 100)
            {
                late++;
            }

            while (changes + failed < due && Stopwatch.GetElapsedTime(start) < duration)
            {
                var t0 = Stopwatch.GetTimestamp();
                bool ok;
                if (resting is null)
                {
                    var outcome = exchange.PlaceOrder(new OrderCommand(
                        tickers[random.Next(tickers.Count)],
                        null,
                        Side.Yes,
                        Price.FromDollars(0.01m),
                        Quantity.Of(1),
                        Sandbox.Accounts.TimeInForce.GoodTillCanceled,
                        SelfTradePrevention.TakerAtCross));
                    resting = outcome.Order?.OrderId;
                    ok = outcome.Error is null && resting is not null;
                }
                else
                {
                    ok = exchange.CancelOrder(resting) is not null;
                    resting = null;
                }

                millis.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                _ = ok ? changes++ : failed++;
            }

            Thread.Sleep(1);
        }

        if (resting is not null)
        {
            exchange.CancelOrder(resting);
        }

        return new DriveResult("in-process order", changes, Stopwatch.GetElapsedTime(start).TotalSeconds, millis, late, failed);
    }
}
