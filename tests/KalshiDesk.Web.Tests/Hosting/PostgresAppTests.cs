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
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.True(await CountAsync("select count(*) from information_schema.tables where table_schema = 'hangfire'") > 5, "Hangfire's tables live in the desk's PostgreSQL database");

        // The paper book is the schema paper of the same database, with its own migration history; the live book (public)
        // has the users and none of the paper proposals.
        Assert.True(await CountAsync("select count(*) from paper.proposals where \"Status\" = 'Pending'") > 0, "the paper proposals are in schema paper");
        Assert.Equal(0, await CountAsync("select count(*) from public.proposals"));
        Assert.Equal(1000L, await CountAsync("select sum(\"Amount\")::bigint from paper.ledger where \"Kind\" = 'deposit'"));
        Assert.Equal(0, await CountAsync("select count(*) from public.ledger"));
        Assert.Equal(1, await CountAsync("select count(*) from public.\"AspNetUsers\" where \"UserName\" = 'admin'"));
        Assert.Equal(0, await CountAsync("select count(*) from paper.\"AspNetUsers\""));
        var applied = await CountAsync("select count(*) from public.\"__EFMigrationsHistory\"");
        Assert.True(applied > 0);
        Assert.Equal(applied, await CountAsync("select count(*) from paper.\"__EFMigrationsHistory\""));
    }
}
