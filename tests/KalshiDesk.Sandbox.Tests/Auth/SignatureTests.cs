using System.Security.Cryptography;
using KalshiDesk.Sandbox.Auth;
using KalshiDesk.TestKit;

namespace KalshiDesk.Sandbox.Tests.Auth;

/// <summary>
/// The <c>/portfolio</c> routes need Kalshi's signature: RSA-PSS (SHA-256, salt = digest length) of timestamp + METHOD + path
/// (with <c>/trade-api/v2</c>, without the query), by a registered key, within ±30 s of the exchange's clock.
/// </summary>
public sealed class SignatureTests : IAsyncLifetime
{
    private const string Balance = "/trade-api/v2/portfolio/balance";
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string KeyId => _host.Server.DemoKey.KeyId;

    private string Pem => _host.Server.DemoKey.PrivateKeyPem;

    private string Now => SignedRequests.Millis(SandboxHost.Start);

    [Fact]
    public async Task Balance_SignedByTheDesksSigner_IsTheAccountsBalance()
    {
        var (status, body) = await _host.GetAsync("portfolio/balance");

        Assert.Equal(200, status);
        Assert.Equal(1_000_000, body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Balance_SignedAsKalshisDocsSay_IsAccepted()
    {
        // 1704067200000GET/trade-api/v2/exchange/status is the docs' example message; the same recipe, by hand.
        var signature = SignedRequests.Sign(Pem, Now + "GET" + Balance);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, signature);

        Assert.Equal(200, status);
        Assert.Equal("10000.0000", body.Text("balance_dollars"));
    }

    [Fact]
    public async Task Orders_QueryStringLeftOutOfTheSignature_IsAccepted()
    {
        var signature = SignedRequests.Sign(Pem, Now + "GET" + "/trade-api/v2/portfolio/orders");

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", "/trade-api/v2/portfolio/orders?limit=5&status=resting", KeyId, Now, signature);

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Orders_QueryStringWronglySigned_Is401InvalidSignature()
    {
        var signature = SignedRequests.Sign(Pem, Now + "GET" + "/trade-api/v2/portfolio/orders?limit=5");

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", "/trade-api/v2/portfolio/orders?limit=5", KeyId, Now, signature);

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, "without the query string");
    }

    [Fact]
    public async Task Balance_NoHeaders_Is401NamingAllThree()
    {
        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, null, null, null);

        SignedRequests.AssertRefused(status, body, AuthFailure.MissingHeaders, "the KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP, KALSHI-ACCESS-SIGNATURE headers are missing");
    }

    [Fact]
    public async Task Balance_SignatureHeaderMissing_Is401NamingIt()
    {
        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, null);

        SignedRequests.AssertRefused(status, body, AuthFailure.MissingHeaders, "the KALSHI-ACCESS-SIGNATURE header is missing");
    }

    [Fact]
    public async Task Balance_UnknownKey_Is401UnknownKey()
    {
        using var stranger = RSA.Create(2048);
        var signature = SignedRequests.Sign(stranger.ExportPkcs8PrivateKeyPem(), Now + "GET" + Balance);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, "3f1d0c52-0000-4000-8000-000000000000", Now, signature);

        SignedRequests.AssertRefused(status, body, AuthFailure.UnknownKey, "KALSHI-ACCESS-KEY '3f1d0c52-0000-4000-8000-000000000000' is not a key this exchange knows");
    }

    [Fact]
    public async Task Balance_DemoKeyIdSignedByAnotherKey_Is401InvalidSignature()
    {
        using var stranger = RSA.Create(2048);
        var signature = SignedRequests.Sign(stranger.ExportPkcs8PrivateKeyPem(), Now + "GET" + Balance);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, signature);

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, $"does not verify with key '{KeyId}'");
    }

    [Fact]
    public async Task Balance_TamperedSignature_Is401InvalidSignature()
    {
        var bytes = Convert.FromBase64String(SignedRequests.Sign(Pem, Now + "GET" + Balance));
        bytes[100] ^= 0x01;

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, Convert.ToBase64String(bytes));

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, "does not verify");
    }

    [Fact]
    public async Task Balance_SignatureNotBase64_Is401InvalidSignature()
    {
        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, "not*base64!");

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, "KALSHI-ACCESS-SIGNATURE is not Base64");
    }

    [Theory]
    [InlineData("GET", "/trade-api/v2/portfolio/positions")]
    [InlineData("GET", "/portfolio/balance")]
    [InlineData("POST", Balance)]
    public async Task Balance_WrongMethodOrPathSigned_Is401InvalidSignature(string method, string path)
    {
        var signature = SignedRequests.Sign(Pem, Now + method + path);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, signature);

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, "does not verify");
    }

    [Fact]
    public async Task Balance_SignedWithPkcs1Padding_Is401InvalidSignature()
    {
        var signature = SignedRequests.Sign(Pem, Now + "GET" + Balance, RSASignaturePadding.Pkcs1);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, Now, signature);

        SignedRequests.AssertRefused(status, body, AuthFailure.InvalidSignature, "RSA-PSS");
    }

    [Theory]
    [InlineData(-31, "31 s behind the exchange's clock")]
    [InlineData(31, "31 s ahead of the exchange's clock")]
    [InlineData(-3600, "3600 s behind the exchange's clock")]
    public async Task Balance_TimestampOutsideTheWindow_Is401(int offsetSeconds, string mentions)
    {
        using var signer = new KalshiTestSigner(KeyId, Pem, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SandboxHost.Start.AddSeconds(offsetSeconds)));
        var headers = signer.Headers("GET", Balance);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, headers["KALSHI-ACCESS-TIMESTAMP"], headers["KALSHI-ACCESS-SIGNATURE"]);

        SignedRequests.AssertRefused(status, body, AuthFailure.TimestampOutsideWindow, mentions);
        SignedRequests.AssertRefused(status, body, AuthFailure.TimestampOutsideWindow, "within ±30 s");
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public async Task Balance_TimestampAtTheWindowsEdge_IsAccepted(int offsetSeconds)
    {
        var timestamp = SignedRequests.Millis(SandboxHost.Start.AddSeconds(offsetSeconds));

        var (status, _, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, timestamp, SignedRequests.Sign(Pem, timestamp + "GET" + Balance));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Balance_SignedThenTheExchangeClockMovesOn31s_Is401()
    {
        var headers = _host.Signer.Headers("GET", Balance);
        _host.Time.Advance(TimeSpan.FromSeconds(31));

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, headers["KALSHI-ACCESS-TIMESTAMP"], headers["KALSHI-ACCESS-SIGNATURE"]);

        SignedRequests.AssertRefused(status, body, AuthFailure.TimestampOutsideWindow, "31 s behind");
    }

    [Fact]
    public async Task Balance_TimestampInSeconds_Is401SayingSendMilliseconds()
    {
        var seconds = SandboxHost.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, seconds, SignedRequests.Sign(Pem, seconds + "GET" + Balance));

        SignedRequests.AssertRefused(status, body, AuthFailure.TimestampOutsideWindow, "it looks like seconds; send milliseconds");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1.7e12")]
    [InlineData("-1700000000000")]
    [InlineData("1700000000000.5")]
    [InlineData("99999999999999999999999")]
    public async Task Balance_MalformedTimestamp_Is401(string timestamp)
    {
        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", Balance, KeyId, timestamp, SignedRequests.Sign(Pem, timestamp + "GET" + Balance));

        SignedRequests.AssertRefused(status, body, AuthFailure.MalformedTimestamp, $"KALSHI-ACCESS-TIMESTAMP '{timestamp}' is not a Unix time in milliseconds");
    }

    [Fact]
    public async Task Window_Configured5Minutes_AcceptsA2MinuteOldSignatureAndRefusesA6MinuteOne()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, SignatureWindow = TimeSpan.FromMinutes(5) });
        var demo = host.Server.DemoKey;
        var twoMinutes = SignedRequests.Millis(SandboxHost.Start.AddMinutes(-2));
        var sixMinutes = SignedRequests.Millis(SandboxHost.Start.AddMinutes(-6));

        var (accepted, _, _) = await SignedRequests.SendAsync(host.Server, "GET", Balance, demo.KeyId, twoMinutes, SignedRequests.Sign(demo.PrivateKeyPem, twoMinutes + "GET" + Balance));
        var (refused, body, _) = await SignedRequests.SendAsync(host.Server, "GET", Balance, demo.KeyId, sixMinutes, SignedRequests.Sign(demo.PrivateKeyPem, sixMinutes + "GET" + Balance));

        Assert.Equal(200, accepted);
        SignedRequests.AssertRefused(refused, body, AuthFailure.TimestampOutsideWindow, "360 s behind the exchange's clock (" + SandboxHost.Start.ToUnixTimeMilliseconds() + "); it must be within ±300 s");
    }

    [Fact]
    public async Task CreateOrder_Unsigned_Is401AndPlacesNothing()
    {
        var json = """{"ticker":"ANY","side":"bid","count":"1.00","price":"0.0100","time_in_force":"good_till_canceled","self_trade_prevention_type":"taker_at_cross"}""";

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "POST", "/trade-api/v2/portfolio/events/orders", null, null, null, json);

        SignedRequests.AssertRefused(status, body, AuthFailure.MissingHeaders, "authentication required");
        Assert.Empty(_host.Exchange.GetOrders(null, null, null));
    }

    [Fact]
    public async Task CreateOrder_SignedBodyIsNotPartOfTheSignature_IsAccepted()
    {
        var (_, markets) = await _host.GetAsync("markets?status=open&limit=1");
        var ticker = markets.GetProperty("markets")[0].Text("ticker");
        var json = $$"""{"ticker":"{{ticker}}","side":"bid","count":"1.00","price":"0.0100","time_in_force":"good_till_canceled","self_trade_prevention_type":"taker_at_cross"}""";
        const string path = "/trade-api/v2/portfolio/events/orders";

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "POST", path, KeyId, Now, SignedRequests.Sign(Pem, Now + "POST" + path), json);

        Assert.Equal(201, status);
        Assert.Equal("1.00", body.Text("remaining_count"));
    }

    [Theory]
    [InlineData("/trade-api/v2/exchange/status")]
    [InlineData("/trade-api/v2/markets?limit=2")]
    [InlineData("/trade-api/v2/series")]
    [InlineData("/trade-api/v2/events")]
    [InlineData("/trade-api/v2/markets/trades")]
    [InlineData("/trade-api/v2/account/endpoint_costs")]
    public async Task PublicRoute_Unsigned_Is200(string path)
    {
        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", path, null, null, null);

        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, body.ValueKind);
        Assert.False(body.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task PublicRoute_OrderbookUnsigned_Is200AsOnKalshi()
    {
        var ticker = _host.Exchange.Tickers[0];

        var (status, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", $"/trade-api/v2/markets/{ticker}/orderbook", null, null, null);

        Assert.Equal(200, status);
        Assert.True(body.TryGetProperty("orderbook_fp", out _));
    }

    [Fact]
    public async Task PublicRoute_WithABadSignature_IsStill200()
    {
        var (status, _, _) = await SignedRequests.SendAsync(_host.Server, "GET", "/trade-api/v2/exchange/status", KeyId, Now, "AAAA");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task AccountLimits_Unsigned_Is401_Signed_Is200()
    {
        var (unsigned, body, _) = await SignedRequests.SendAsync(_host.Server, "GET", "/trade-api/v2/account/limits", null, null, null);
        var (signed, _) = await _host.GetAsync("account/limits");

        SignedRequests.AssertRefused(unsigned, body, AuthFailure.MissingHeaders, "authentication required");
        Assert.Equal(200, signed);
    }
}
