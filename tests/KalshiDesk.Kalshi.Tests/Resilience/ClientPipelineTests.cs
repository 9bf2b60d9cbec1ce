using System.Net;
using KalshiDesk.Domain.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace KalshiDesk.Kalshi.Tests.Resilience;

/// <summary>The client as the app registers it (retries, timeouts, token buckets, signing) over a scripted exchange.</summary>
public class ClientPipelineTests
{
    private const string Status = """{"exchange_active":true,"trading_active":true}""";
    private const string Ack = """{"order_id":"o-1","client_order_id":"kd-1","fill_count":"1.00","remaining_count":"0.00","ts_ms":1}""";

    private static (IKalshiClient Client, ServiceProvider Services) Build(ScriptedHandler handler, string timeout = "00:00:02")
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = "http://127.0.0.1:9/trade-api/v2/",
            ["Kalshi:RequestTimeout"] = timeout,
        }).Build());
        services.AddKalshiClient();
        services.AddHttpClient(nameof(IKalshiClient)).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IKalshiClient>(), provider);
    }

    private static OrderRequest Order() => new("M-1", "kd-1", Side.Yes, Price.Parse("0.55"), Quantity.Of(1), TimeInForce.ImmediateOrCancel);

    [Theory]
    [InlineData("""{"error":{"code":"too_many_requests","message":"too many requests"}}""")]
    [InlineData("""{"error":"too many requests"}""")]
    public async Task Read_Throttled_BacksOffAndSucceeds(string throttled)
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Respond(HttpStatusCode.TooManyRequests, throttled),
            ScriptedHandler.Respond(HttpStatusCode.TooManyRequests, throttled),
            ScriptedHandler.Respond(HttpStatusCode.OK, Status));
        var (client, services) = Build(handler);
        await using var _ = services;

        var status = await client.GetExchangeStatusAsync();

        Assert.True(status.TradingActive);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Read_ServerErrorEveryTime_GivesUpWithTheExchangesError()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Respond(HttpStatusCode.InternalServerError, """{"error":{"code":"internal_error","message":"boom"}}"""));
        var (client, services) = Build(handler);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => client.GetExchangeStatusAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
        Assert.Equal("Kalshi 500 internal_error on exchange/status: boom", ex.Message);
        Assert.Equal(KalshiServiceCollectionExtensions.MaxReadRetries + 1, handler.Calls);
    }

    [Fact]
    public async Task Read_ConnectionReset_IsRetried()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Reset(), ScriptedHandler.Respond(HttpStatusCode.OK, Status));
        var (client, services) = Build(handler);
        await using var _ = services;

        Assert.True((await client.GetExchangeStatusAsync()).ExchangeActive);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Write_FailedOrThrottled_IsSentExactlyOnce(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Respond(status, """{"error":{"code":"x","message":"y"}}"""), ScriptedHandler.Respond(HttpStatusCode.Created, Ack));
        var (client, services) = Build(handler);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiApiException>(() => client.CreateOrderAsync(Order()));

        Assert.Equal(status, ex.Status);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Write_ConnectionReset_IsSentExactlyOnce()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Reset(), ScriptedHandler.Respond(HttpStatusCode.Created, Ack));
        var (client, services) = Build(handler);
        await using var _ = services;

        await Assert.ThrowsAsync<HttpRequestException>(() => client.CreateOrderAsync(Order()));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Write_Timeout_IsSentExactlyOnceAndSaysItTimedOut()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang(), ScriptedHandler.Respond(HttpStatusCode.Created, Ack));
        var (client, services) = Build(handler, timeout: "00:00:01");
        await using var _ = services;

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.CreateOrderAsync(Order()));
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData("""{"exchange_active":tru""")]
    [InlineData("not json at all")]
    public async Task Read_MalformedBody_IsAClearDataErrorAndNotRetried(string body)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Respond(HttpStatusCode.OK, body));
        var (client, services) = Build(handler);
        await using var _ = services;

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => client.GetExchangeStatusAsync());

        Assert.StartsWith("Kalshi field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON from exchange/status", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Requests_AreSignedWhenAKeyIsConfigured()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var handler = new ScriptedHandler(ScriptedHandler.Respond(HttpStatusCode.OK, Status));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = "http://127.0.0.1:9/trade-api/v2/",
            ["Kalshi:KeyId"] = "key-123",
            ["Kalshi:PrivateKey"] = rsa.ExportRSAPrivateKeyPem(),
        }).Build());
        services.AddKalshiClient();
        services.AddHttpClient(nameof(IKalshiClient)).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IKalshiClient>().GetExchangeStatusAsync();

        var request = handler.Requests.Single();
        var ts = request.Headers.GetValues("KALSHI-ACCESS-TIMESTAMP").Single();
        Assert.Equal("key-123", request.Headers.GetValues("KALSHI-ACCESS-KEY").Single());
        Assert.True(rsa.VerifyData(
            System.Text.Encoding.UTF8.GetBytes($"{ts}GET/trade-api/v2/exchange/status"),
            Convert.FromBase64String(request.Headers.GetValues("KALSHI-ACCESS-SIGNATURE").Single()),
            System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pss));
    }
}
