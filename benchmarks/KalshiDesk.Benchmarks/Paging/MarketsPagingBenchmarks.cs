using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.RateLimiting;
using KalshiDesk.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Benchmarks.Paging;

/// <summary>
/// Lists all 40,000 markets of a Sandbox, page by page (<c>GET /trade-api/v2/markets?limit=&amp;cursor=</c>), with the
/// Sandbox's rate limits off: with a raw HttpClient loop (the server's own throughput) and with the desk's
/// <see cref="IKalshiClient"/> as the app registers it (retries, timeout, token buckets, signing with the demo key), its
/// token buckets raised so that it is not paced. The client at Kalshi's Basic tier, which is paced, is
/// <see cref="MarketsPagingPacedBenchmarks"/>.
/// </summary>
[Config(typeof(Config))]
public class MarketsPagingBenchmarks
{
    public const int WorldSize = 40_000;

    private SandboxServer? _server;
    private HttpClient? _raw;
    private ServiceProvider? _services;
    private IKalshiClient? _client;

    [Params(1000, 100)]
    public int Limit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = PagingFixture.StartSandbox(serverRateLimits: false);
        _raw = new HttpClient { BaseAddress = _server.BaseUrl };
        (_services, _client) = PagingFixture.DeskClient(_server, PagingFixture.Unpaced);
    }

    [GlobalCleanup]
    public void Cleanup() => PagingFixture.Stop(_server, _raw, _services);

    /// <summary>The page loop with nothing but HttpClient and JsonDocument: what the server itself sustains.</summary>
    [Benchmark(Baseline = true, Description = "raw HttpClient page loop")]
    public Task<int> RawHttpClient() => PagingFixture.ListRawAsync(_raw!, Limit);

    /// <summary>The desk's client, every market mapped to a Domain snapshot; token buckets sized far above the loop's rate.</summary>
    [Benchmark(Description = "IKalshiClient, rate limits raised")]
    public Task<int> DeskClientUnpaced() => PagingFixture.ListWithClientAsync(_client!, Limit);

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(BenchmarkConfig.Slow(iterations: 10));
    }
}

/// <summary>
/// The desk's client with its default token buckets (Kalshi's Basic tier: 200 read tokens a second, 10 a page, so
/// 20 pages a second after a 20-page burst) against a Sandbox that enforces the same tier: the time is the rate
/// limiter's, not the server's.
/// </summary>
[Config(typeof(Config))]
public class MarketsPagingPacedBenchmarks
{
    private SandboxServer? _server;
    private ServiceProvider? _services;
    private IKalshiClient? _client;

    [Params(1000, 100)]
    public int Limit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = PagingFixture.StartSandbox(serverRateLimits: true);
        (_services, _client) = PagingFixture.DeskClient(_server, limits: null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Both ends keep Kalshi's Basic tier: the client paces itself; any 429 here means the two buckets disagree.
        Console.WriteLine($"// Limit={Limit}: the Sandbox answered {_server?.RateLimited ?? 0} requests 429 (the client retries them)");
        PagingFixture.Stop(_server, null, _services);
    }

    [Benchmark(Description = "IKalshiClient, Basic tier (paced)")]
    public Task<int> DeskClientBasicTier() => PagingFixture.ListWithClientAsync(_client!, Limit);

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(BenchmarkConfig.Slow(iterations: 3));
    }
}

internal static class PagingFixture
{
    /// <summary>Token buckets no page loop on this machine can drain.</summary>
    public static KalshiRateLimits Unpaced { get; } = KalshiRateLimits.Basic with
    {
        Tier = "benchmark-unpaced",
        ReadRefillPerSecond = 10_000_000,
        ReadCapacity = 10_000_000,
        WriteRefillPerSecond = 10_000_000,
        WriteCapacity = 10_000_000,
    };

    public static SandboxServer StartSandbox(bool serverRateLimits) =>
        SandboxServer.StartAsync(SandboxSetup.Options(MarketsPagingBenchmarks.WorldSize, serverRateLimits: serverRateLimits)).GetAwaiter().GetResult();

    /// <summary>The client as <c>AddKalshiClient</c> registers it, pointed at the Sandbox; <paramref name="limits"/> null keeps the Basic tier.</summary>
    public static (ServiceProvider Services, IKalshiClient Client) DeskClient(SandboxServer server, KalshiRateLimits? limits)
    {
        var settings = new Dictionary<string, string?> { ["Kalshi:BaseUrl"] = server.BaseUrl.AbsoluteUri };
        foreach (var (key, value) in SandboxKeys.ClientSettings(server))
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (limits is not null)
        {
            // AddKalshiClient registers its limiter with TryAdd: this one wins.
            services.AddSingleton(new KalshiRateLimiter(limits));
        }

        services.AddKalshiClient();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IKalshiClient>());
    }

    public static void Stop(SandboxServer? server, HttpClient? raw, ServiceProvider? services)
    {
        raw?.Dispose();
        services?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public static async Task<int> ListRawAsync(HttpClient http, int limit)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var url = cursor is null
                ? $"markets?limit={limit.ToString(CultureInfo.InvariantCulture)}"
                : $"markets?limit={limit.ToString(CultureInfo.InvariantCulture)}&cursor={Uri.EscapeDataString(cursor)}";
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var page = await JsonDocument.ParseAsync(body).ConfigureAwait(false);
                count += page.RootElement.GetProperty("markets").GetArrayLength();
                cursor = page.RootElement.GetProperty("cursor").GetString();
            }
        }
        while (!string.IsNullOrEmpty(cursor));

        return Check(count);
    }

    public static async Task<int> ListWithClientAsync(IKalshiClient client, int limit)
    {
        var count = 0;
        await foreach (var _ in client.GetMarketsAsync(new MarketQuery(Status: null, PageSize: limit)).ConfigureAwait(false))
        {
            count++;
        }

        return Check(count);
    }

    private static int Check(int count) => count == MarketsPagingBenchmarks.WorldSize
        ? count
        : throw new InvalidOperationException($"listed {count} markets, expected {MarketsPagingBenchmarks.WorldSize}");
}
