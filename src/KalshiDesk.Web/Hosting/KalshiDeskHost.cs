using KalshiDesk.Data;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Forecasting.DataDriven;
using KalshiDesk.Engine.Forecasting.Llm;
using KalshiDesk.Web.Alerts;
using KalshiDesk.Web.Api;
using KalshiDesk.Web.Auth;
using KalshiDesk.Web.Components;
using KalshiDesk.Web.Jobs;
using KalshiDesk.Web.Live;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Hosting;

/// <summary>The <c>kalshidesk</c> executable: builds the app (a table of contents of its parts) and runs it.</summary>
public static class KalshiDeskHost
{
    /// <summary>Runs until shut down. Bad configuration prints one line naming the key and the fix, and exits with 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        WebApplication? app = null;
        try
        {
            app = await BuildAsync(args).ConfigureAwait(false);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } problem)
        {
            await errors.WriteLineAsync($"kalshidesk: configuration error: {problem}").ConfigureAwait(false);
            return 2;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds the app, migrates its database and prepares its accounts, ready to start.</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Configuration and assets live beside the executable; relative data paths resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(KalshiDeskHost).Assembly.GetName().Name });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5000");
        }

        configure?.Invoke(builder);
        await builder.AddEmbeddedSandboxAsync().ConfigureAwait(false);
        builder.AddDeskData();
        builder.Services.AddDeskEngine();
        builder.Services.AddLlmForecaster(builder.Configuration);
        builder.Services.AddTemperatureForecaster(builder.Configuration);
        builder.AddDeskAuth();
        builder.AddDeskJobs();
        builder.AddDeskAlerts();
        builder.AddDeskLive();
        builder.AddDeskBacktests();
        builder.AddDeskUi();
        // A query or route value that cannot be read ("limit=abc") is the caller's mistake: a 400 that names it.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.Exception is BadHttpRequestException bad)
            {
                c.ProblemDetails.Detail = bad.Message;
            }
        });
        builder.Services.AddHostedService<RateLimitSync>();
        builder.Services.AddHostedService<MarketStreamLifetime>();

        var app = builder.Build();
        ValidateOptionsNow(app.Services);
        await app.PrepareDatabaseAsync().ConfigureAwait(false);
        await app.SeedAccountsAsync().ConfigureAwait(false);

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseDeskAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthApi();
        app.MapStatusApi();
        app.MapProposalsApi();
        app.MapPositionsApi();
        app.MapOrdersApi();
        app.MapFillsApi();
        app.MapSettlementsApi();
        app.MapPnlApi();
        app.MapMarketsApi();
        app.MapSizingApi();
        app.MapCalibrationApi();
        app.MapRiskApi();
        app.MapBacktestsApi();
        app.MapModeApi();
        app.MapUsersApi();
        app.MapAccountEndpoints();
        app.MapDeskHub();
        app.MapDeskJobs();
        app.MapDeskUi();
        return app;
    }

    /// <summary>Options are validated before anything starts, so a bad value stops the app with its key named.</summary>
    private static void ValidateOptionsNow(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }

        // Loads the Kalshi key now, so an unreadable or unusable key stops the start with its setting named.
        _ = services.GetRequiredService<Kalshi.Auth.KalshiSignerHolder>();
    }

    private static string? ConfigurationProblem(Exception ex) => ex switch
    {
        DeskConfigurationException config => config.Message,
        Kalshi.Auth.KalshiKeyException key => key.Message,
        OptionsValidationException options => string.Join(" ", options.Failures),
        InvalidOperationException invalid when invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => invalid.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => ConfigurationProblem(aggregate.InnerExceptions[0]),
        _ when ex.InnerException is not null && ex is not OperationCanceledException => ConfigurationProblem(ex.InnerException),
        _ => null,
    };
}
