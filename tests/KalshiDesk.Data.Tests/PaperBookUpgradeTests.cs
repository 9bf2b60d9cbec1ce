using KalshiDesk.Domain.Proposals;
using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data.Tests;

/// <summary>A desk whose paper trading was recorded in the main database before the paper book had its own.</summary>
public sealed class PaperBookUpgradeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-upgrade-");
    private DeskDatabases _databases = null!;

    public async Task InitializeAsync()
    {
        _databases = DeskDatabases.Parse("Data Source=data/kalshidesk.db", null, _directory.FullName);
        await _databases.Main.MigrateAsync();
        await _databases.Paper.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MoveAsync_PaperHistoryInTheMainDatabase_MovesToThePaperBook_AuditStays_SettingsInBoth()
    {
        var order = await SeedMainAsync("paper");

        var moved = await PaperBookUpgrade.MoveAsync(_databases);

        // A proposal, an order, a fill, a position, two ledger rows, a settlement and a cycle run.
        Assert.Equal(8, moved);
        await using (var paper = Create(_databases.Paper))
        {
            Assert.Equal(1000m - 24.20m - 0.77m, await paper.Ledger.SumAsync(l => l.Amount));
            Assert.Equal(order, Assert.Single(await paper.Orders.ToListAsync()).Id);
            Assert.Equal(44m, Assert.Single(await paper.Positions.ToListAsync()).Contracts);
            Assert.Equal("KXUPGRADE-1", Assert.Single(await paper.Fills.ToListAsync()).Ticker);
            Assert.Single(await paper.Proposals.ToListAsync());
            Assert.Single(await paper.Settlements.ToListAsync());
            Assert.Single(await paper.CycleRuns.ToListAsync());
            Assert.Equal("aggressive", Assert.Single(await paper.Settings.ToListAsync()).Value);
            Assert.Empty(await paper.Audit.ToListAsync());
        }

        await using (var main = Create(_databases.Main))
        {
            Assert.Empty(await main.Ledger.ToListAsync());
            Assert.Empty(await main.Orders.ToListAsync());
            Assert.Empty(await main.Fills.ToListAsync());
            Assert.Empty(await main.Positions.ToListAsync());
            Assert.Empty(await main.Proposals.ToListAsync());
            Assert.Empty(await main.Settlements.ToListAsync());
            Assert.Empty(await main.CycleRuns.ToListAsync());
            Assert.Equal("aggressive", Assert.Single(await main.Settings.ToListAsync()).Value);
            Assert.Equal("risk.preset", Assert.Single(await main.Audit.ToListAsync()).Action);
        }

        // Once: the paper book is no longer empty, so the next start moves nothing.
        Assert.Equal(0, await PaperBookUpgrade.MoveAsync(_databases));
    }

    [Fact]
    public async Task MoveAsync_StoppedAfterThePaperBookCommitted_NextStartEmptiesTheMainDatabase()
    {
        await SeedMainAsync("paper");
        await PaperBookUpgrade.MoveAsync(_databases);

        // As if the desk stopped before the main side: the paper records are back in the main database too.
        await using (var paper = Create(_databases.Paper))
        await using (var main = Create(_databases.Main))
        {
            main.Ledger.AddRange(await paper.Ledger.AsNoTracking().ToListAsync());
            main.Orders.AddRange(await paper.Orders.AsNoTracking().ToListAsync());
            await main.SaveChangesAsync();
        }

        Assert.Equal(0, await PaperBookUpgrade.MoveAsync(_databases));

        await using (var main = Create(_databases.Main))
        {
            Assert.Empty(await main.Ledger.ToListAsync());
            Assert.Empty(await main.Orders.ToListAsync());
        }

        await using (var paper = Create(_databases.Paper))
        {
            Assert.Equal(1000m - 24.20m - 0.77m, await paper.Ledger.SumAsync(l => l.Amount));
        }
    }

    [Fact]
    public async Task MoveAsync_MainDatabaseHasTradedLive_LeavesEverythingWhereItIs()
    {
        await SeedMainAsync("live");

        Assert.Equal(0, await PaperBookUpgrade.MoveAsync(_databases));

        await using var main = Create(_databases.Main);
        Assert.Equal(2, await main.Ledger.CountAsync());
        Assert.Single(await main.Orders.ToListAsync());
        await using var paper = Create(_databases.Paper);
        Assert.Empty(await paper.Ledger.ToListAsync());
    }

    [Fact]
    public async Task MoveAsync_FreshDesk_MovesNothing()
    {
        Assert.Equal(0, await PaperBookUpgrade.MoveAsync(_databases));
        await using var paper = Create(_databases.Paper);
        Assert.Empty(await paper.Ledger.ToListAsync());
    }

    private async Task<Guid> SeedMainAsync(string broker)
    {
        var proposal = Guid.NewGuid();
        var order = Guid.NewGuid();
        await using var main = Create(_databases.Main);
        main.Proposals.Add(new ProposalEntity
        {
            Id = proposal, Ticker = "KXUPGRADE-1", EventTicker = "KXUPGRADE", Title = "Upgrade?", Category = "Test", Side = "yes",
            Price = 0.55m, Contracts = 44m, Cost = 24.20m, Fee = 0.77m, FeePerContract = 0.0175m, Preset = "balanced",
            Status = ProposalStatus.Executed, ClientOrderId = "kd-upgrade-1", CreatedAt = At, ExpiresAt = At.AddMinutes(10),
        });
        main.Orders.Add(new OrderEntity
        {
            Id = order, ProposalId = proposal, ClientOrderId = "kd-upgrade-1", Broker = broker, Ticker = "KXUPGRADE-1", Side = "yes",
            LimitPrice = 0.55m, Count = 44m, Filled = 44m, Status = "executed", CreatedAt = At,
        });
        main.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = order, Ticker = "KXUPGRADE-1", Side = "yes", Price = 0.55m, Count = 44m, Fee = 0.77m, IsTaker = true, CreatedAt = At });
        main.Positions.Add(new PositionEntity { Ticker = "KXUPGRADE-1", EventTicker = "KXUPGRADE", Title = "Upgrade?", Side = "yes", Contracts = 44m, Cost = 24.20m, FeesPaid = 0.77m, OpenedAt = At, UpdatedAt = At });
        main.Ledger.AddRange(
            new LedgerEntryEntity { Id = Guid.NewGuid(), At = At.AddDays(-1), Kind = "deposit", Amount = 1000m },
            new LedgerEntryEntity { Id = Guid.NewGuid(), At = At, Kind = "buy", Amount = -24.20m - 0.77m, Ticker = "KXUPGRADE-1", OrderId = order });
        main.Settlements.Add(new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXUPGRADE-0", Result = "no", SettledAt = At, Revenue = 0m, Cost = 5m, Fee = 0.1m, YesCount = 10m });
        main.CycleRuns.Add(new CycleRunEntity { Id = Guid.NewGuid(), StartedAt = At, FinishedAt = At.AddSeconds(2), Preset = "balanced", Scanned = 40 });
        main.Settings.Add(new DeskSettingEntity { Key = "risk.preset", Value = "aggressive", UpdatedAt = At });
        main.Audit.Add(new AuditEntryEntity { Id = Guid.NewGuid(), At = At, Actor = "admin", Action = "risk.preset", Details = "preset balanced → aggressive", OldValue = "balanced", NewValue = "aggressive" });
        await main.SaveChangesAsync();
        return order;
    }

    private static DeskDbContext Create(DeskDatabase database) => new DeskDbContextFactory(database).CreateDbContext();
}
