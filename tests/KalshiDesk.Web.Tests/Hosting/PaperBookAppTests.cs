using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Hosting;

/// <summary>
/// The app as it starts by default (<c>Trading:Mode=Paper</c>, SQLite): the paper book in a file of its own beside the
/// main one, and live trading refused by configuration.
/// </summary>
public sealed class PaperBookAppTests(DeskApp desk) : IClassFixture<DeskApp>
{
    private const string OffInConfiguration = "live trading is off in configuration: set Trading:Mode=Live and restart";

    [Fact]
    public async Task Start_MigratesBothSqliteFiles_AndOpensThePaperAccountInThePaperOne()
    {
        var databases = desk.Services.GetRequiredService<DeskDatabases>();
        var main = new SqliteConnectionStringBuilder(databases.Main.ConnectionString).DataSource;
        var paper = new SqliteConnectionStringBuilder(databases.Paper.ConnectionString).DataSource;

        Assert.Equal(Path.Combine(Path.GetDirectoryName(main)!, "desk-paper.db"), paper);
        Assert.True(File.Exists(main), main);
        Assert.True(File.Exists(paper), paper);
        await using var mainDb = new DeskDbContextFactory(databases.Main).CreateDbContext();
        await using var paperDb = new DeskDbContextFactory(databases.Paper).CreateDbContext();
        Assert.Empty(await mainDb.Database.GetPendingMigrationsAsync());
        Assert.Empty(await paperDb.Database.GetPendingMigrationsAsync());
        var deposit = await paperDb.Ledger.SingleAsync(l => l.Kind == "deposit");
        Assert.Equal((1000m, "paper account opened"), (deposit.Amount, deposit.Note));
        Assert.Equal(0, await mainDb.Ledger.CountAsync());

        // Users and the admin's token are desk-wide: in the main database only.
        Assert.Equal(1, await mainDb.Users.CountAsync(u => u.UserName == "admin"));
        Assert.Equal(0, await paperDb.Users.CountAsync());
        Assert.Equal(0, await paperDb.ApiTokens.CountAsync());
    }

    [Fact]
    public async Task PutLive_TradingModePaper_Is409ProblemNamingTheKeyAndAudited()
    {
        using var admin = desk.Client();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await admin.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var mode = await admin.GetFromJsonAsync<JsonElement>("/api/mode");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("Cannot go live", 409, OffInConfiguration), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32(), problem.GetProperty("detail").GetString()));
        var check = Assert.Single(problem.GetProperty("checks").EnumerateArray());
        Assert.Equal($"FAIL  Trading:Mode: {OffInConfiguration}", check.GetProperty("line").GetString());
        Assert.Equal(("Trading:Mode", false), (check.GetProperty("name").GetString(), check.GetProperty("passed").GetBoolean()));
        Assert.Equal(("paper", false), (mode.GetProperty("mode").GetString(), mode.GetProperty("liveAllowed").GetBoolean()));
        await using var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        var refused = await context.Audit.SingleAsync(a => a.Action == "mode.live.refused" && a.At >= since);
        Assert.Equal(("admin", "paper", "paper", $"trading mode paper → live refused: {OffInConfiguration}"), (refused.Actor, refused.OldValue, refused.NewValue, refused.Details));
        Assert.Equal(0, await context.DeskMode.CountAsync());
    }

    [Fact]
    public async Task Status_SaysWhichBook()
    {
        var status = await desk.Client().GetFromJsonAsync<JsonElement>("/api/status");

        Assert.Equal(("paper", "paper"), (status.GetProperty("mode").GetString(), status.GetProperty("book").GetString()));
        Assert.Matches(@"^Sqlite file .+/desk-paper\.db$", status.GetProperty("bookDatabase").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("heldOnPaper").ValueKind);
    }

    [Fact]
    public async Task Healthz_BothDatabasesAnswer_Is200()
    {
        using var response = await desk.Client(token: null).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
