using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KalshiDesk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Sandbox.Tests;

/// <summary>
/// A Sandbox on a free loopback port, its clock held still, and an HttpClient pointed at its REST root that signs every
/// request with the demo key (on the Sandbox's clock), as the desk's client does.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private SandboxHost(SandboxServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Signer = new KalshiTestSigner(server.DemoKey.KeyId, server.DemoKey.PrivateKeyPem, time);
        Http = Signer.CreateClient(server.BaseUrl);
    }

    public SandboxServer Server { get; }

    public SandboxExchange Exchange => Server.Exchange;

    public FakeTimeProvider Time { get; }

    /// <summary>The tickers of markets open for trading now, in ticker order.</summary>
    public IReadOnlyList<string> OpenTickers
    {
        get
        {
            var open = new List<string>();
            Exchange.Inspect(() => open.AddRange(Exchange.World.Markets.Where(m => m.IsTrading).Select(m => m.Ticker)));
            return open;
        }
    }

    /// <summary>Signs with the demo key.</summary>
    public HttpClient Http { get; }

    /// <summary>The demo key's signer, for WebSocket upgrades and hand-made requests.</summary>
    public KalshiTestSigner Signer { get; }

    /// <summary>
    /// Starts a world that moves only when a test ticks it (unless the options say otherwise). <see cref="Http"/> does not pace
    /// itself as the desk's client does, so the Sandbox's rate limits are off unless <paramref name="rateLimited"/>.
    /// </summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, bool rateLimited = false)
    {
        var time = new FakeTimeProvider(Start);
        options ??= new SandboxOptions { TickInterval = TimeSpan.Zero };
        options.RateLimits.Enabled &= rateLimited;
        return new SandboxHost(await SandboxServer.StartAsync(options, time), time);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<(int Status, JsonElement Body)> PostOrderAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("portfolio/events/orders", body);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(path, content);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> DeleteAsync(string path)
    {
        using var response = await Http.DeleteAsync(path);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Every market, following the cursor.</summary>
    public async Task<List<JsonElement>> AllMarketsAsync(string query = "")
    {
        var markets = new List<JsonElement>();
        var cursor = string.Empty;
        do
        {
            var (status, body) = await GetAsync($"markets?limit=1000{query}" + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty));
            Assert.Equal(200, status);
            markets.AddRange(body.GetProperty("markets").EnumerateArray());
            cursor = body.GetProperty("cursor").GetString()!;
        }
        while (cursor.Length > 0);

        return markets;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Signer.Dispose();
        await Server.DisposeAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }
}
