using System.Net;
using System.Security.Cryptography;
using KalshiDesk.Sandbox.RateLimiting;
using KalshiDesk.TestKit;

namespace KalshiDesk.Sandbox.Tests.RateLimiting;

/// <summary>
/// Kalshi's token buckets: a read and a write bucket per API key (per address for unsigned calls), 10 tokens a request
/// (2 for a cancel or a single-order read), and 429 <c>{"error":{"code":"too_many_requests",…}}</c> for a request that finds too few.
/// Most tests refill at 1 token a second, so nothing refills while they run.
/// </summary>
public sealed class RateLimitTests
{
    private const string TooManyRequests = """{"error":{"code":"too_many_requests","message":"too many requests"}}""";

    private static SandboxOptions Tight(int readCapacity = 50, int writeCapacity = 30, bool enabled = true) => new()
    {
        TickInterval = TimeSpan.Zero,
        RateLimits = new SandboxRateLimits
        {
            Enabled = enabled,
            ReadRefillPerSecond = 1,
            ReadCapacity = readCapacity,
            WriteRefillPerSecond = 1,
            WriteCapacity = writeCapacity,
        },
    };

    private static async Task<List<int>> StatusesAsync(HttpClient http, int count, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await send(http);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }

    private static Task<HttpResponseMessage> RestingOrderAsync(HttpClient http, string ticker) =>
        http.PostAsync("portfolio/events/orders", new StringContent(
            $$"""{"ticker":"{{ticker}}","side":"bid","count":"1.00","price":"0.0100","time_in_force":"good_till_canceled","self_trade_prevention_type":"taker_at_cross"}""",
            System.Text.Encoding.UTF8,
            "application/json"));

    private static async Task<string> OpenTickerAsync(SandboxServer server)
    {
        // Unsigned, so it draws on the address's bucket, not the key's.
        using var anonymous = new HttpClient { BaseAddress = server.BaseUrl };
        using var markets = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("markets?status=open&limit=1"));
        return markets.RootElement.GetProperty("markets")[0].Text("ticker");
    }

    [Fact]
    public async Task Reads_BurstBeyondTheBucket_429WithKalshisBodyAndNoRetryAfter()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 50), rateLimited: true);

        var statuses = await StatusesAsync(host.Http, 5, http => http.GetAsync("portfolio/balance"));
        using var refused = await host.Http.GetAsync("portfolio/balance");

        Assert.Equal([200, 200, 200, 200, 200], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TooManyRequests, await refused.Content.ReadAsStringAsync());
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal(1, host.Server.RateLimited);
    }

    [Fact]
    public async Task ReadsAndWrites_HaveSeparateBuckets()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 50, writeCapacity: 30), rateLimited: true);
        var ticker = await OpenTickerAsync(host.Server);

        var reads = await StatusesAsync(host.Http, 6, http => http.GetAsync("portfolio/orders"));
        var writes = await StatusesAsync(host.Http, 4, http => RestingOrderAsync(http, ticker));
        using var readAfterWrites = await host.Http.GetAsync("portfolio/balance");

        Assert.Equal([200, 200, 200, 200, 200, 429], reads);
        Assert.Equal([201, 201, 201, 429], writes);
        Assert.Equal(HttpStatusCode.TooManyRequests, readAfterWrites.StatusCode);
        Assert.Equal(3, host.Exchange.GetOrders(ticker, null, "resting").Count);
    }

    [Fact]
    public async Task WritesExhausted_ReadsStillPass()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 50, writeCapacity: 20), rateLimited: true);
        var ticker = await OpenTickerAsync(host.Server);

        var writes = await StatusesAsync(host.Http, 3, http => RestingOrderAsync(http, ticker));
        var reads = await StatusesAsync(host.Http, 2, http => http.GetAsync("portfolio/positions"));

        Assert.Equal([201, 201, 429], writes);
        Assert.Equal([200, 200], reads);
    }

    [Fact]
    public async Task CancelAndSingleOrderRead_Cost2Tokens()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 14, writeCapacity: 12), rateLimited: true);
        var ticker = await OpenTickerAsync(host.Server);

        using var created = await RestingOrderAsync(host.Http, ticker);
        var orderId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Text("order_id");
        using var cancelled = await host.Http.DeleteAsync($"portfolio/events/orders/{orderId}");
        using var cancelledAgain = await host.Http.DeleteAsync($"portfolio/events/orders/{orderId}");

        // 14 read tokens: a list (10), two single-order reads (2 each), then nothing left.
        var reads = new List<int>
        {
            await StatusAsync(host.Http.GetAsync("portfolio/orders")),
            await StatusAsync(host.Http.GetAsync($"portfolio/orders/{orderId}")),
            await StatusAsync(host.Http.GetAsync($"portfolio/orders/{orderId}")),
            await StatusAsync(host.Http.GetAsync($"portfolio/orders/{orderId}")),
        };

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (created.StatusCode, cancelled.StatusCode, cancelledAgain.StatusCode));
        Assert.Equal([200, 200, 200, 429], reads);
    }

    [Fact]
    public async Task UnsignedCallers_DrawOnTheirAddressesBucket_NotTheKeys()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 30), rateLimited: true);
        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseUrl };

        var unsigned = await StatusesAsync(anonymous, 4, http => http.GetAsync("markets?limit=1"));
        var signed = await StatusesAsync(host.Http, 3, http => http.GetAsync("markets?limit=1"));
        var signedAgain = await StatusesAsync(host.Http, 1, http => http.GetAsync("portfolio/balance"));

        Assert.Equal([200, 200, 200, 429], unsigned);
        Assert.Equal([200, 200, 200], signed);
        Assert.Equal([429], signedAgain);
    }

    [Fact]
    public async Task EachKey_HasItsOwnBuckets()
    {
        using var rsa = RSA.Create(2048);
        var options = Tight(readCapacity: 20);
        options.KeyId = "second-key";
        options.PublicKey = rsa.ExportSubjectPublicKeyInfoPem();
        await using var host = await SandboxHost.StartAsync(options, rateLimited: true);
        using var second = new KalshiTestSigner("second-key", rsa.ExportPkcs8PrivateKeyPem(), host.Time);
        using var secondHttp = second.CreateClient(host.Server.BaseUrl);

        var demo = await StatusesAsync(host.Http, 3, http => http.GetAsync("portfolio/balance"));
        var other = await StatusesAsync(secondHttp, 3, http => http.GetAsync("portfolio/balance"));

        Assert.Equal([200, 200, 429], demo);
        Assert.Equal([200, 200, 429], other);
    }

    [Fact]
    public async Task Bucket_RefillsWithTime()
    {
        var options = Tight();
        options.RateLimits.ReadRefillPerSecond = 20;
        options.RateLimits.ReadCapacity = 10;
        await using var host = await SandboxHost.StartAsync(options, rateLimited: true);

        var burst = await StatusesAsync(host.Http, 2, http => http.GetAsync("portfolio/balance"));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var later = await StatusesAsync(host.Http, 1, http => http.GetAsync("portfolio/balance"));

        Assert.Equal([200, 429], burst);
        Assert.Equal([200], later);
    }

    [Fact]
    public async Task Disabled_NothingIsRefused()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 10, enabled: false), rateLimited: true);

        var statuses = await StatusesAsync(host.Http, 30, http => http.GetAsync("portfolio/balance"));

        Assert.Equal(Enumerable.Repeat(200, 30), statuses);
        Assert.Equal(0, host.Server.RateLimited);
    }

    [Fact]
    public async Task BasicTier_ABurstOfFortyReads_TwentyPassAndTheRestAre429()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero }, rateLimited: true);
        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseUrl };

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => anonymous.GetAsync("exchange/status")));
        var passed = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        // 200 tokens at 10 a read; at 200 tokens a second a slow machine may earn a read or two back during the burst.
        Assert.InRange(passed, 20, 24);
        Assert.Equal(40, passed + refused);
        Assert.Equal(refused, host.Server.RateLimited);
    }

    [Fact]
    public async Task WebSocketUpgrade_DrawsOnNoBucket()
    {
        await using var host = await SandboxHost.StartAsync(Tight(readCapacity: 10), rateLimited: true);

        var sockets = new List<WebSockets.StreamTestClient>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(await WebSockets.StreamTestClient.ConnectAsync(host.Server));
        }

        using var read = await host.Http.GetAsync("portfolio/balance");

        Assert.All(sockets, s => Assert.Equal(System.Net.WebSockets.WebSocketState.Open, s.Socket.State));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task AccountLimits_ReportTheConfiguredBuckets()
    {
        var options = new SandboxOptions
        {
            TickInterval = TimeSpan.Zero,
            RateLimits = new SandboxRateLimits { Tier = "advanced", ReadRefillPerSecond = 300, ReadCapacity = 300, WriteRefillPerSecond = 300, WriteCapacity = 600 },
        };
        await using var host = await SandboxHost.StartAsync(options, rateLimited: true);

        var text = await host.GetTextAsync("account/limits");

        Assert.Equal("""{"usage_tier":"advanced","read":{"refill_rate":300,"bucket_capacity":300},"write":{"refill_rate":300,"bucket_capacity":600},"grants":[]}""", text);
    }

    [Fact]
    public async Task AccountLimits_Default_IsKalshisBasicTier()
    {
        await using var host = await SandboxHost.StartAsync(rateLimited: true);

        var text = await host.GetTextAsync("account/limits");

        Assert.Equal("""{"usage_tier":"basic","read":{"refill_rate":200,"bucket_capacity":200},"write":{"refill_rate":100,"bucket_capacity":200},"grants":[]}""", text);
    }

    [Fact]
    public async Task EndpointCosts_DefaultTenAndTheTwoCheapEndpoints()
    {
        await using var host = await SandboxHost.StartAsync(rateLimited: true);

        var text = await host.GetTextAsync("account/endpoint_costs");

        Assert.Equal(
            """{"default_cost":10,"endpoint_costs":[{"method":"DELETE","path":"/portfolio/events/orders/{order_id}","cost":2},{"method":"GET","path":"/portfolio/orders/{order_id}","cost":2}]}""",
            text);
    }

    [Theory]
    [InlineData(0, 200, 10, "Sandbox:RateLimits:ReadCapacity: The field ReadCapacity must be between 1 and 1000000.")]
    [InlineData(200, 200, 0, "Sandbox:RateLimits:DefaultCost: The field DefaultCost must be between 1 and 1000000.")]
    [InlineData(200, 5, 10, "Sandbox:RateLimits:DefaultCost: 10 is more than a bucket holds (5), so no request could pass.")]
    public async Task Options_OutOfRange_NameTheSetting(int readCapacity, int writeCapacity, int cost, string expected)
    {
        var options = new SandboxOptions { RateLimits = new SandboxRateLimits { ReadCapacity = readCapacity, WriteCapacity = writeCapacity, DefaultCost = cost } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(options));

        Assert.Equal(expected, error.Message);
    }

    private static async Task<int> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return (int)response.StatusCode;
    }
}
