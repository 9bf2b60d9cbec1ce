using KalshiDesk.Data;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk doctor</c>: every check on one line, each problem with its fix; exit 1 when anything fails. The checks
/// themselves are <see cref="DeskChecks"/>, which the running desk also runs before it goes live.
/// </summary>
public static class DeskDoctor
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failures = 0;
        async Task<bool> Report(DeskCheck check)
        {
            failures += check.Passed ? 0 : 1;
            await output.WriteLineAsync(check.Line).ConfigureAwait(false);
            return check.Passed;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(DeskDoctor).Assembly.GetName().Name });
        builder.Logging.ClearProviders();

        // 1. Configuration.
        DeskDatabases? databases = null;
        try
        {
            databases = DeskDatabases.Parse(builder.Configuration.GetConnectionString("KalshiDesk"), builder.Configuration.GetConnectionString("KalshiDeskPaper"), Environment.CurrentDirectory);
            builder.Services.AddSingleton(databases);
            builder.Services.AddSingleton(databases.Main);
            builder.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
            builder.Services.AddDeskEngine();
            using var probe = builder.Services.BuildServiceProvider();
            foreach (var validator in probe.GetServices<IStartupValidator>())
            {
                validator.Validate();
            }

            var trading = probe.GetRequiredService<IOptions<TradingOptions>>().Value;
            await Report(DeskChecks.Configuration(trading.Mode.ToString(), trading.Preset, databases.Main.Provider)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DeskConfigurationException or OptionsValidationException or InvalidOperationException)
        {
            await Report(DeskChecks.ConfigurationFailed(ex is OptionsValidationException o ? string.Join(" ", o.Failures) : ex.Message)).ConfigureAwait(false);
            return 1;
        }

        // 2. Databases: the main one (live book, users, tokens, mode) and the paper book's.
        foreach (var check in await DeskChecks.DatabasesAsync(databases, ct).ConfigureAwait(false))
        {
            await Report(check).ConfigureAwait(false);
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
            if (DeskChecks.TryLoadKey(kalshi, out var signer) is { } unusable)
            {
                await Report(unusable).ConfigureAwait(false);
                return 1;
            }

            using var keyCheck = signer;
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddConfiguration(builder.Configuration).AddInMemoryCollection(new Dictionary<string, string?> { ["Kalshi:BaseUrl"] = kalshi.ResolveBaseUrl().AbsoluteUri }).Build());
            services.AddKalshiClient();
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IKalshiClient>();
            if (!await Report(await DeskChecks.ExchangeAsync(client, kalshi, ct).ConfigureAwait(false)).ConfigureAwait(false))
            {
                return 1;
            }

            // 4. The key and the account.
            await Report(await DeskChecks.ApiKeyAsync(client, demoKey ? "the Sandbox's demo key" : "key", signer?.KeyId, ct).ConfigureAwait(false)).ConfigureAwait(false);
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
}
