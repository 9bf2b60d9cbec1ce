using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Auth;
using KalshiDesk.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Hosting;

/// <summary><c>kalshidesk doctor</c>: every check on one line, each problem with its fix; exit 1 when anything fails.</summary>
public static class DeskDoctor
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failures = 0;
        async Task Ok(string what, string detail) => await output.WriteLineAsync($"ok    {what}: {detail}").ConfigureAwait(false);
        async Task Fail(string what, string problem, string fix)
        {
            failures++;
            await output.WriteLineAsync($"FAIL  {what}: {problem}; fix: {fix}").ConfigureAwait(false);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(DeskDoctor).Assembly.GetName().Name });
        builder.Logging.ClearProviders();

        // 1. Configuration.
        DeskDatabase? database = null;
        try
        {
            database = DeskDatabase.Parse(builder.Configuration.GetConnectionString("KalshiDesk"), Environment.CurrentDirectory);
            builder.Services.AddSingleton(database);
            builder.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
            builder.Services.AddDeskEngine();
            using var probe = builder.Services.BuildServiceProvider();
            foreach (var validator in probe.GetServices<IStartupValidator>())
            {
                validator.Validate();
            }

            var trading = probe.GetRequiredService<IOptions<TradingOptions>>().Value;
            await Ok("configuration", $"{trading.Mode} trading, {trading.Preset} preset, {database.Provider} database").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DeskConfigurationException or OptionsValidationException or InvalidOperationException)
        {
            await Fail("configuration", ex is OptionsValidationException o ? string.Join(" ", o.Failures) : ex.Message, "correct the key named, in appsettings.json or the environment").ConfigureAwait(false);
            return 1;
        }

        // 2. Database.
        try
        {
            await using var context = new DeskDbContextFactory(database).CreateDbContext();
            var sqliteFile = database.Provider == DatabaseProvider.Sqlite ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource : null;
            if (sqliteFile is not null && !File.Exists(sqliteFile))
            {
                await Ok("database", $"Sqlite file {sqliteFile} will be created at the first start").ConfigureAwait(false);
            }
            else if (!await context.Database.CanConnectAsync(ct).ConfigureAwait(false))
            {
                await Fail("database", $"{database.Provider} does not answer", "start the server or correct ConnectionStrings:KalshiDesk").ConfigureAwait(false);
            }
            else
            {
                var pending = (await context.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
                await Ok("database", pending == 0 ? $"{database.Provider} answers, schema up to date" : $"{database.Provider} answers, {pending} migration(s) will be applied at the next start").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await Fail("database", FirstLine(ex.Message), "check ConnectionStrings:KalshiDesk: server, database name and credentials").ConfigureAwait(false);
        }

        // 3. Exchange: the built-in Sandbox is started for the check, as the app would start it.
        SandboxServer? sandbox = null;
        try
        {
            var kalshi = builder.Configuration.GetSection(KalshiOptions.Section).Get<KalshiOptions>() ?? new KalshiOptions();
            var demoKey = false;
            if (kalshi.Environment == KalshiEnvironment.Sandbox && kalshi.BaseUrl is null)
            {
                // As the app does: the Sandbox accepts the desk's own key, or the desk signs with the Sandbox's demo key.
                var sandboxOptions = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
                SandboxKeys.AcceptDeskKey(sandboxOptions, builder.Configuration);
                sandbox = await SandboxServer.StartAsync(sandboxOptions, ct: ct).ConfigureAwait(false);
                kalshi.BaseUrl = sandbox.BaseUrl;
                if (!SandboxKeys.DeskHasOwnKey(builder.Configuration))
                {
                    SandboxKeys.UseDemoKeyUnlessOwn(builder.Configuration, sandbox);
                    (kalshi.KeyId, kalshi.PrivateKey, demoKey) = (sandbox.DemoKey.KeyId, sandbox.DemoKey.PrivateKeyPem, true);
                }
            }

            // The key is checked first: the client cannot even be built around an unusable one.
            KalshiRequestSigner? signer;
            try
            {
                signer = KalshiKeys.Load(kalshi);
            }
            catch (KalshiKeyException ex)
            {
                await Fail("api key", ex.Message, "set Kalshi:KeyId and Kalshi:PrivateKeyPath to the key created on Kalshi's account page").ConfigureAwait(false);
                return 1;
            }

            using var keyCheck = signer;
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddConfiguration(builder.Configuration).AddInMemoryCollection(new Dictionary<string, string?> { ["Kalshi:BaseUrl"] = kalshi.ResolveBaseUrl().AbsoluteUri }).Build());
            services.AddKalshiClient();
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IKalshiClient>();
            var url = kalshi.ResolveBaseUrl();
            try
            {
                var status = await client.GetExchangeStatusAsync(ct).ConfigureAwait(false);
                await Ok("exchange", $"{kalshi.Environment} at {url} answers; trading {(status.TradingActive ? "active" : "paused")}").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or KalshiApiException or KalshiDataException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
            {
                await Fail("exchange", $"{kalshi.Environment} at {url} cannot be reached ({FirstLine(ex.Message)})", "check the network, Kalshi:Environment and Kalshi:BaseUrl").ConfigureAwait(false);
                return 1;
            }

            // 4. The key and the account.
            if (signer is null)
            {
                await Ok("api key", "none configured (paper trading needs none; live trading needs Kalshi:KeyId and Kalshi:PrivateKeyPath)").ConfigureAwait(false);
            }
            else
            {
                try
                {
                    var balance = (await ((KalshiClient)client).GetBalanceAsync(ct).ConfigureAwait(false)).Available.Dollars;
                    await Ok("api key", string.Create(CultureInfo.InvariantCulture, $"{(demoKey ? "the Sandbox's demo key" : "key")} {signer.KeyId} authenticates; balance ${balance:#,0.00}")).ConfigureAwait(false);
                }
                catch (KalshiApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
                {
                    await Fail("api key", $"key {signer.KeyId} is refused ({ex.Code})", "check that Kalshi:KeyId matches the private key, that the key is active, and that it belongs to this environment").ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(failures == 0 ? "KalshiDesk is ready." : $"{failures} problem(s) found.").ConfigureAwait(false);
        return failures == 0 ? 0 : 1;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end > 0 ? text[..end] : text;
    }
}
