using System.Net.Http.Headers;
using KalshiDesk.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests;

/// <summary>The whole app, started as the executable starts it: real Kestrel on loopback, embedded Sandbox, Hangfire, SQLite.</summary>
public class DeskApp : IAsyncLifetime
{
    public const string AdminPassword = "correct-horse-battery";
    public const string AdminToken = "test-token-0123456789abcdef";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-web-");

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    /// <summary>The hosting environment the app runs in: Production, as a deployed desk does.</summary>
    protected virtual string Environment => "Production";

    /// <summary>Arguments beyond the desk's own (configuration a fixture changes); none by default.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    public async Task InitializeAsync()
    {
        App = await KalshiDeskHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--environment={Environment}",
            $"--ConnectionStrings:KalshiDesk=Data Source={Path.Combine(_directory.FullName, "desk.db")}",
            $"--KALSHIDESK_ADMIN_PASSWORD={AdminPassword}",
            $"--KALSHIDESK_API_TOKEN={AdminToken}",
            "--Logging:LogLevel:Default=Warning",

            // The Sandbox world holds still, so a proposal's edge is still there when a test approves it.
            "--Sandbox:TickInterval=00:00:00",
            .. Arguments,
        ]);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public HttpClient Client(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }
}
