using KalshiDesk.Data;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Reconciliation;
using KalshiDesk.Kalshi;
using KalshiDesk.Sandbox;
using KalshiDesk.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests;

/// <summary>
/// The Engine wired as the app wires it, on a temporary SQLite file, against the Sandbox over HTTP or a fake exchange. Both
/// books and the control data share the one file, unless <c>books</c> asks for the app's two databases (the paper book in
/// its own file, the book in force chosen by the stored mode).
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory;
    private readonly IDisposable _subscription;
    private KalshiTestSigner? _signer;
    private Func<DirectoryInfo, Task<EngineHarness>>? _rebuild;
    private bool _handedOver;

    private EngineHarness(ServiceProvider services, FakeTimeProvider time, SandboxServer? sandbox, DirectoryInfo directory)
    {
        Services = services;
        Time = time;
        Sandbox = sandbox;
        _directory = directory;
        _subscription = services.GetRequiredService<IDeskEvents>().Subscribe(e =>
        {
            lock (Events)
            {
                Events.Add(e);
            }

            return Task.CompletedTask;
        });
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public SandboxServer? Sandbox { get; }

    /// <summary>A plain HttpClient on the Sandbox's REST root that signs with its demo key (on the harness's clock), as the desk does.</summary>
    public HttpClient SandboxClient()
    {
        var sandbox = Sandbox ?? throw new InvalidOperationException("This harness runs against a fake exchange, not the Sandbox.");
        _signer ??= new KalshiTestSigner(sandbox.DemoKey.KeyId, sandbox.DemoKey.PrivateKeyPem, Time);
        return _signer.CreateClient(sandbox.BaseUrl);
    }

    public List<DeskEvent> Events { get; } = [];

    public IDbContextFactory<DeskDbContext> Db => Services.GetRequiredService<IDbContextFactory<DeskDbContext>>();

    /// <summary>The main database (live book, mode, audit of mode changes), whichever book is in force.</summary>
    public IDbContextFactory<DeskDbContext> Main => new DeskDbContextFactory(Services.GetRequiredService<DeskDatabases>().Main);

    /// <summary>The paper book's database (the main one too unless the harness was built with <c>books</c>).</summary>
    public IDbContextFactory<DeskDbContext> Paper => new DeskDbContextFactory(Services.GetRequiredService<DeskDatabases>().Paper);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Against the built-in Sandbox exchange over real HTTP (the world holds still unless a test ticks it).</summary>
    public static async Task<EngineHarness> WithSandboxAsync(Dictionary<string, string?>? settings = null, bool live = false, bool paperAccount = true, bool webSocket = false, bool books = false)
    {
        var time = new FakeTimeProvider(Start);
        // The Sandbox's rate limits are off: the harness's clock is fake, so a read retried after a 429 would wait on it for
        // ever, and tests read the exchange directly besides the desk's paced client.
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 42, RateLimits = { Enabled = false } }, time);
        // The desk signs with the Sandbox's demo key, as the app's embedded Sandbox has it do.
        var all = new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = sandbox.BaseUrl.AbsoluteUri,
            ["Kalshi:KeyId"] = sandbox.DemoKey.KeyId,
            ["Kalshi:PrivateKey"] = sandbox.DemoKey.PrivateKeyPem,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        if (webSocket)
        {
            all["Kalshi:WebSocketUrl"] = sandbox.WebSocketUrl.AbsoluteUri;
        }

        return await BuildAsync(all, time, sandbox, null, live, paperAccount, books: books);
    }

    /// <summary>Against a fake exchange whose markets and books a test sets.</summary>
    /// <param name="services">Registrations after the app's own (a fake in place of an exchange service, for one).</param>
    /// <param name="settings">Configuration beside the fake exchange's address (<c>Trading:FeeRounding</c>, for one).</param>
    public static Task<EngineHarness> WithFakeAsync(FakeExchange exchange, bool live = false, FakeExchangeAccount? account = null, Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null, bool books = false)
    {
        var time = new FakeTimeProvider(Start);
        exchange.Clock ??= time;
        var all = new Dictionary<string, string?>(settings ?? []) { ["Kalshi:BaseUrl"] = "http://127.0.0.1:9/trade-api/v2/" };
        return BuildAsync(all, time, null, exchange, live, paperAccount: true, account, services, books: books);
    }

    /// <summary>
    /// The desk restarted: a new service provider, as a new process would build it, on the same database, clock and
    /// exchange. The new harness owns the database from here on; this one only lets its services go.
    /// </summary>
    public async Task<EngineHarness> RestartAsync()
    {
        var rebuild = _rebuild ?? throw new InvalidOperationException("This harness cannot be restarted.");
        _handedOver = true;
        _subscription.Dispose();
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return await rebuild(_directory);
    }

    private static async Task<EngineHarness> BuildAsync(Dictionary<string, string?> settings, FakeTimeProvider time, SandboxServer? sandbox, FakeExchange? fake, bool live, bool paperAccount, FakeExchangeAccount? account = null, Action<IServiceCollection>? configure = null, DirectoryInfo? existing = null, bool books = false)
    {
        var directory = existing ?? Directory.CreateTempSubdirectory("kalshidesk-engine-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var database = DeskDatabase.Parse("Data Source=desk.db", directory.FullName);
        services.AddSingleton(database);
        if (books)
        {
            // As the app: desk.db is the main database, desk-paper.db the paper book's.
            services.AddSingleton(new DeskDatabases(database, DeskDatabase.ForPaper(null, database, directory.FullName)));
            services.AddSingleton<IDbContextFactory<DeskDbContext>, BookDbContextFactory>();
        }
        else
        {
            services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        }

        services.AddDeskEngine();
        if (fake is not null)
        {
            services.AddSingleton<IKalshiClient>(fake);
        }

        if (live)
        {
            services.AddTransient<IBroker, LiveBroker>();
        }

        if (account is not null)
        {
            services.AddSingleton<IExchangeAccount>(account);
        }

        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var databases = provider.GetRequiredService<DeskDatabases>();
        await databases.Main.MigrateAsync();
        await databases.Paper.MigrateAsync();

        if (paperAccount)
        {
            await provider.GetRequiredService<PaperAccount>().EnsureOpenedAsync();
        }
        return new EngineHarness(provider, time, sandbox, directory)
        {
            _rebuild = same => BuildAsync(settings, time, sandbox, fake, live, paperAccount, account, configure, same, books),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }

        _subscription.Dispose();
        _signer?.Dispose();
        await Services.DisposeAsync();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }
}
