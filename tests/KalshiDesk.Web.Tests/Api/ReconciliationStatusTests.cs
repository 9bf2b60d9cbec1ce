using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Tests.Api;

/// <summary>In live trading the status (API and Overview page) shows the last reconciliation and what it corrected.</summary>
public sealed class ReconciliationStatusTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-recon-");
    private DeskDbContextFactory _db = null!;

    public async Task InitializeAsync()
    {
        _db = new DeskDbContextFactory(DeskDatabase.Parse("Data Source=desk.db", _directory.FullName));
        await using var context = _db.CreateDbContext();
        await context.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
        return Task.CompletedTask;
    }

    /// <summary>The status of a desk an admin switched to <paramref name="mode"/>, with configuration allowing it; both books in one database.</summary>
    private DeskStatusReader Reader(TradingMode mode)
    {
        var trading = Options.Create(new TradingOptions { Mode = mode });
        if (mode == TradingMode.Live)
        {
            using var context = _db.CreateDbContext();
            context.DeskMode.Add(new DeskModeEntity { Mode = "live", ChangedAt = T0, ChangedBy = "ada", Version = 1 });
            context.SaveChanges();
        }

        var database = DeskDatabase.Parse("Data Source=desk.db", _directory.FullName);
        var store = new DeskModeStore(new DeskControlDb(database), trading, TimeProvider.System);
        return new DeskStatusReader(_db, new DeskBooks(store), new DeskDatabases(database, database), new PortfolioReader(_db), new PresetProvider(_db, trading), new LearnedCalibration(), store, Options.Create(new KalshiOptions { Environment = KalshiEnvironment.Demo }));
    }

    [Fact]
    public async Task Live_BeforeTheFirstRun_SaysItIsWaiting()
    {
        var status = await Reader(TradingMode.Live).ReadAsync();

        Assert.Equal("waiting for the first reconciliation with the exchange", status.Reconciliation.Summary);
        Assert.Null(status.Reconciliation.LastRun);
    }

    [Fact]
    public async Task Live_AfterARunWithDifferences_ShowsThemNewestFirst()
    {
        var run = Guid.NewGuid();
        await using (var context = _db.CreateDbContext())
        {
            context.ReconciliationRuns.Add(new ReconciliationRunEntity { Id = run, StartedAt = T0, FinishedAt = T0.AddSeconds(2), OrdersChecked = 3, FillsImported = 2, Differences = 2 });
            context.ReconciliationDifferences.Add(new ReconciliationDifferenceEntity { Id = Guid.NewGuid(), RunId = run, At = T0, Kind = "balance", Desk = "$1000.00", Exchange = "$1012.34", Correction = "cash adjusted by +12.34" });
            context.ReconciliationDifferences.Add(new ReconciliationDifferenceEntity { Id = Guid.NewGuid(), RunId = run, At = T0.AddSeconds(1), Kind = "position", Ticker = "KX-1", Desk = "+44", Exchange = "+40", Correction = "position set to the exchange's count" });
            await context.SaveChangesAsync();
        }

        var status = await Reader(TradingMode.Live).ReadAsync();

        Assert.Equal("2 difference(s) corrected toward the exchange", status.Reconciliation.Summary);
        Assert.Equal(T0.AddSeconds(2), status.Reconciliation.LastRun);
        Assert.Equal(
            ["position KX-1: desk +44, exchange +40; position set to the exchange's count", "balance : desk $1000.00, exchange $1012.34; cash adjusted by +12.34"],
            status.Reconciliation.RecentDifferences);
        Assert.Equal("live", status.Mode);
    }

    [Fact]
    public async Task Live_CleanRun_SaysTheLedgerMatches()
    {
        await using (var context = _db.CreateDbContext())
        {
            context.ReconciliationRuns.Add(new ReconciliationRunEntity { Id = Guid.NewGuid(), StartedAt = T0, FinishedAt = T0, OrdersChecked = 4, FillsImported = 1, SettlementsImported = 1 });
            await context.SaveChangesAsync();
        }

        var status = await Reader(TradingMode.Live).ReadAsync();

        Assert.Equal("ledger matches the exchange (4 orders checked, 1 fills and 1 settlements imported)", status.Reconciliation.Summary);
    }
}
