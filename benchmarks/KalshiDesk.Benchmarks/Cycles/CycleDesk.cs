using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.RateLimiting;
using KalshiDesk.Sandbox;
using KalshiDesk.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Benchmarks.Cycles;

/// <summary>
/// The Engine as the app wires it (<c>AddDeskEngine</c>, paper trading, the real clock, the market stream started),
/// against a Sandbox over HTTP and its WebSocket, and a fresh database: a SQLite file in a temp folder, or a database on a PostgreSQL server started from the system's
/// binaries. The client signs with the Sandbox's demo key; <see cref="Requests"/> counts what it sends.
/// </summary>
internal sealed class CycleDesk : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DirectoryInfo _directory;

    private CycleDesk(ServiceProvider services, DirectoryInfo directory, RequestCounter requests, DeskDatabase database)
    {
        _services = services;
        _directory = directory;
        Requests = requests;
        Database = database;
    }

    public RequestCounter Requests { get; }

    public DeskDatabase Database { get; }

    public KalshiRateLimiter Limiter => _services.GetRequiredService<KalshiRateLimiter>();

    public TradingCycle Cycle() => _services.GetRequiredService<TradingCycle>();

    public IDbContextFactory<DeskDbContext> Db => _services.GetRequiredService<IDbContextFactory<DeskDbContext>>();

    /// <param name="limits">The client's token buckets; null keeps Kalshi's Basic tier, as the app has them.</param>
    /// <param name="postgres">A running server to create the database on; null for a SQLite file.</param>
    /// <param name="settings">Configuration beside the exchange's address and key (<c>Scoring:RecordInterval</c>, say).</param>
    public static async Task<CycleDesk> StartAsync(SandboxServer sandbox, KalshiRateLimits? limits, PostgresServer? postgres, IReadOnlyDictionary<string, string?> settings)
    {
        var directory = Directory.CreateTempSubdirectory("kalshidesk-cycle-");
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Kalshi:BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
            ["Kalshi:WebSocketUrl"] = sandbox.WebSocketUrl.AbsoluteUri,
        };
        foreach (var (key, value) in SandboxKeys.ClientSettings(sandbox).Concat(settings))
        {
            all[key] = value;
        }

        var database = DeskDatabase.Parse(postgres is null ? "Data Source=desk.db" : await postgres.CreateDatabaseAsync().ConfigureAwait(false), directory.FullName);
        var requests = new RequestCounter();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        services.AddLogging();
        services.AddSingleton(database);
        services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        if (limits is not null)
        {
            // AddKalshiClient registers its limiter with TryAdd: this one wins.
            services.AddSingleton(new KalshiRateLimiter(limits));
        }

        services.AddDeskEngine();

        // The same typed client again: its handler goes innermost, after the signature, and sees every request sent.
        services.AddHttpClient<IKalshiClient, KalshiClient>().AddHttpMessageHandler(() => requests);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await database.MigrateAsync().ConfigureAwait(false);
        await provider.GetRequiredService<PaperAccount>().EnsureOpenedAsync().ConfigureAwait(false);

        // As the app starts it: tickers and the tape over the WebSocket, and the books of the markets a cycle watches.
        await provider.GetRequiredService<MarketStream>().StartAsync().ConfigureAwait(false);
        return new CycleDesk(provider, directory, requests, database);
    }

    /// <summary>Rows the cycles have written: forecasts, model forecasts, proposals, cycle runs, equity snapshots.</summary>
    public async Task<string> RowCountsAsync()
    {
        await using var context = await Db.CreateDbContextAsync().ConfigureAwait(false);
        var forecasts = await context.Forecasts.CountAsync().ConfigureAwait(false);
        var models = await context.ModelForecasts.CountAsync().ConfigureAwait(false);
        var proposals = await context.Proposals.CountAsync().ConfigureAwait(false);
        var runs = await context.CycleRuns.CountAsync().ConfigureAwait(false);
        var equity = await context.EquitySnapshots.CountAsync().ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{forecasts:N0} forecasts, {models:N0} model forecasts, {proposals} proposals, {runs} cycle runs, {equity} equity snapshots");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up by the system.
        }
    }
}
