using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using KalshiDesk.Data;
using KalshiDesk.TestKit;
using KalshiDesk.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary>The app on a real PostgreSQL server: migrations, Hangfire's PostgreSQL storage, the loop.</summary>
public sealed class PostgresAppTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task App_OnPostgreSql_MigratesRunsTheCycleOnHangfireStorageAndProposes()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var app = await KalshiDeskHost.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:KalshiDesk={connection}",
            "--KALSHIDESK_ADMIN_PASSWORD=postgres-admin-pw",
            "--KALSHIDESK_API_TOKEN=pg-token-0123456789abcdef",
            "--Logging:LogLevel:Default=Warning",
            "--Sandbox:TickInterval=00:00:00",
        ]);
        await using (app)
        {
            await app.StartAsync();
            Assert.Equal(DatabaseProvider.PostgreSql, app.Services.GetRequiredService<DeskDatabase>().Provider);
            Assert.Equal("PostgreSqlStorage", app.Services.GetRequiredService<JobStorage>().GetType().Name);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pg-token-0123456789abcdef");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            await Eventually.Until(
                async () => (await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending"))!.Length > 0,
                TimeSpan.FromSeconds(90),
                "the cycle should run on Hangfire's PostgreSQL storage and propose");
            await app.StopAsync();
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'hangfire'", db);
        Assert.True((long)(await command.ExecuteScalarAsync())! > 5, "Hangfire's tables live in the desk's PostgreSQL database");
    }
}
