using System.Net;
using KalshiDesk.Domain.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace KalshiDesk.Kalshi.Tests.Resilience;

/// <summary>The client as the app registers it (retries, timeouts, token buckets, signing) against a real local HTTP server scripted with faults.</summary>
public class ClientPipelineTests
{
    private const string Status = """{"exchange_active":true,"trading_active":true}""";
    private const string Ack = """{"order_id":"o-1","client_order_id":"kd-1","fill_count":"1.00","remaining_count":"0.00","ts_ms":1}""";

    private static (IKalshiClient Client, ServiceProvider Services) Build(FaultServer server, string timeout = "00:00:02", Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = server.BaseUrl.AbsoluteUri,
            ["Kalshi:RequestTimeout"] = timeout,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddKalshiClient();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IKalshiClient>(), provider);
    }

    private static OrderRequest Order() => new("M-1", "kd-1", Side.Yes, Price.Parse("0.55"), Quantity.Of(1), TimeInForce.ImmediateOrCancel);

    [Theory]
    [InlineData("""{"error":{"code":"too_many_requests","message":"too many requests"}}""")]
    [InlineData("""{"error":"too many requests"}""")]
    public async Task Read_Throttled_BacksOffAndSucceeds(string throttled)
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reply(429, throttled), FaultServer.Reply(429, throttled), FaultServer.Reply(200, Status));
        var (client, services) = Build(server);
        await using var _ = services;

        var status = await client.GetExchangeStatusAsync();

        Assert.True(status.TradingActive);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Read_ServerErrorEveryTime_GivesUpWithTheExchangesError()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reply(500, """{"error":{"code":"internal_error","message":"boom"}}"""));
        var (client, services) = Build(server);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => client.GetExchangeStatusAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
        Assert.Equal("Kalshi 500 internal_error on exchange/status: boom", ex.Message);
        Assert.Equal(KalshiServiceCollectionExtensions.MaxReadRetries + 1, server.Requests);
    }

    [Fact]
    public async Task Read_ConnectionReset_IsRetried()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reset(), FaultServer.Reply(200, Status));
        var (client, services) = Build(server);
        await using var _ = services;

        Assert.True((await client.GetExchangeStatusAsync()).ExchangeActive);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Write_FailedOrThrottled_IsSentExactlyOnce(HttpStatusCode status)
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reply((int)status, """{"error":{"code":"x","message":"y"}}"""), FaultServer.Reply(201, Ack));
        var (client, services) = Build(server);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => client.CreateOrderAsync(Order()));

        Assert.Equal(status, ex.Status);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Write_ConnectionReset_IsSentExactlyOnce()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reset(), FaultServer.Reply(201, Ack));
        var (client, services) = Build(server);
        await using var _ = services;

        await Assert.ThrowsAsync<HttpRequestException>(() => client.CreateOrderAsync(Order()));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Write_Timeout_IsSentExactlyOnceAndSaysItTimedOut()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Hang(), FaultServer.Reply(201, Ack));
        var (client, services) = Build(server, timeout: "00:00:01");
        await using var _ = services;

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.CreateOrderAsync(Order()));
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("""{"exchange_active":tru""")]
    [InlineData("not json at all")]
    public async Task Read_MalformedBody_IsAClearDataErrorAndNotRetried(string body)
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Reply(200, body));
        var (client, services) = Build(server);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => client.GetExchangeStatusAsync());

        Assert.StartsWith("Kalshi field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON from exchange/status", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Read_TruncatedBodyThenReset_IsRetriedAndSucceeds()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Truncated(Status), FaultServer.Reply(200, Status));
        var (client, services) = Build(server);
        await using var _ = services;

        Assert.True((await client.GetExchangeStatusAsync()).TradingActive);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Read_BodyStallsThenAnswers_IsTimedOutPerAttemptAndRetried()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.StalledBody(Status), FaultServer.Reply(200, Status));
        var (client, services) = Build(server, timeout: "00:00:01");
        await using var _ = services;

        Assert.True((await client.GetExchangeStatusAsync()).TradingActive);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Read_HangsEveryTime_GivesUpAfterTheRetries()
    {
        await using var server = await FaultServer.StartAsync();
        server.Then(FaultServer.Hang());
        var (client, services) = Build(server, timeout: "00:00:01");
        await using var _ = services;

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetExchangeStatusAsync());
        Assert.Equal(KalshiServiceCollectionExtensions.MaxReadRetries + 1, server.Requests);
    }

    [Fact]
    public async Task Read_RetriedAfter429_EachAttemptCarriesOneFreshSignature()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var seen = new List<(string?[] Keys, string?[] Timestamps, string?[] Signatures)>();
        await using var server = await FaultServer.StartAsync();
        Func<Microsoft.AspNetCore.Http.HttpContext, Task> Record(Func<Microsoft.AspNetCore.Http.HttpContext, Task> reply) => context =>
        {
            seen.Add(([.. context.Request.Headers["KALSHI-ACCESS-KEY"]], [.. context.Request.Headers["KALSHI-ACCESS-TIMESTAMP"]], [.. context.Request.Headers["KALSHI-ACCESS-SIGNATURE"]]));
            return reply(context);
        };
        server.Then(Record(FaultServer.Reply(429, """{"error":{"code":"too_many_requests","message":"too many requests"}}""")), Record(FaultServer.Reply(200, Status)));
        var (client, services) = Build(server, extra: new() { ["Kalshi:KeyId"] = "key-123", ["Kalshi:PrivateKey"] = rsa.ExportRSAPrivateKeyPem() });
        await using var _ = services;

        var status = await client.GetExchangeStatusAsync();

        Assert.True(status.TradingActive);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, attempt =>
        {
            Assert.Equal("key-123", Assert.Single(attempt.Keys));
            var timestamp = Assert.Single(attempt.Timestamps);
            Assert.True(rsa.VerifyData(
                System.Text.Encoding.UTF8.GetBytes($"{timestamp}GET/trade-api/v2/exchange/status"),
                Convert.FromBase64String(Assert.Single(attempt.Signatures)!),
                System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.RSASignaturePadding.Pss));
        });
    }

    [Fact]
    public async Task Requests_AreSignedWhenAKeyIsConfigured()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        string? key = null, ts = null, signature = null, path = null;
        await using var server = await FaultServer.StartAsync();
        server.Then(async context =>
        {
            key = context.Request.Headers["KALSHI-ACCESS-KEY"];
            ts = context.Request.Headers["KALSHI-ACCESS-TIMESTAMP"];
            signature = context.Request.Headers["KALSHI-ACCESS-SIGNATURE"];
            path = context.Request.Path;
            await FaultServer.Reply(200, Status)(context);
        });
        var (client, services) = Build(server, extra: new() { ["Kalshi:KeyId"] = "key-123", ["Kalshi:PrivateKey"] = rsa.ExportRSAPrivateKeyPem() });
        await using var _ = services;

        await client.GetExchangeStatusAsync();

        Assert.Equal(("key-123", "/trade-api/v2/exchange/status"), (key, path));
        Assert.True(rsa.VerifyData(
            System.Text.Encoding.UTF8.GetBytes($"{ts}GET/trade-api/v2/exchange/status"),
            Convert.FromBase64String(signature!),
            System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pss));
    }
}
