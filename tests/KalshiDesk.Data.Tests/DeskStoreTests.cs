using System.Globalization;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data.Tests;

/// <summary>The same data tests, run on SQLite and on a real PostgreSQL server.</summary>
public abstract class DeskStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    protected DeskDatabase Database { get; private set; } = null!;

    private DeskDbContextFactory Factory { get; set; } = null!;

    protected abstract Task<DeskDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Factory = new DeskDbContextFactory(Database);
        await using var context = Factory.CreateDbContext();
        await context.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrate_CreatesEveryTableAndLeavesNothingPending()
    {
        await using var context = Factory.CreateDbContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Proposals.CountAsync());
        Assert.Equal(0, await context.Users.CountAsync());
    }

    [Fact]
    public async Task Money_RoundTripsExactly()
    {
        var id = Guid.NewGuid();
        await using (var context = Factory.CreateDbContext())
        {
            context.Ledger.Add(new LedgerEntryEntity { Id = id, At = T0, Kind = "deposit", Amount = 123456789.123456m });
            context.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = id, Ticker = "M-1", Side = "yes", Price = 0.4752m, Count = 3877.56m, Fee = 0.0175m, CreatedAt = T0 });
            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            Assert.Equal(123456789.123456m, (await context.Ledger.SingleAsync(l => l.Id == id)).Amount);
            var fill = await context.Fills.SingleAsync(f => f.OrderId == id);
            Assert.Equal((0.4752m, 3877.56m, 0.0175m), (fill.Price, fill.Count, fill.Fee));
        }
    }

    [Fact]
    public async Task Forecasts_WithTheirModels_RoundTripAndAreScoredInPlace()
    {
        await using (var context = Factory.CreateDbContext())
        {
            for (var i = 0; i < 3; i++)
            {
                var id = Guid.NewGuid();
                context.Forecasts.Add(new ForecastEntity
                {
                    Id = id,
                    Ticker = i < 2 ? "KXHIGHNY-26NOV24-T60" : "KXHIGHNY-26NOV24-B58",
                    Category = "Climate and Weather",
                    DecisionTime = T0.AddHours(i),
                    CloseTime = T0.AddHours(6),
                    MarketProbabilityYes = 0.54,
                    PooledProbabilityYes = 0.634229,
                    ProbabilityYes = 0.612,
                    Recalibrator = "platt",
                    Disagreement = 0.21,
                    Models =
                    [
                        new ModelForecastEntity { ForecastId = id, Model = "market-implied", ProbabilityYes = 0.66, Confidence = 0.8, Inputs = """{"mid":"0.54"}""" },
                        new ModelForecastEntity { ForecastId = id, Model = "order-flow", ProbabilityYes = 0.54, Confidence = 0.3 },
                    ],
                });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            // Scoring writes the outcome in place; learning groups by market and reads the latest.
            var scored = await context.Forecasts
                .Where(f => f.Ticker == "KXHIGHNY-26NOV24-T60" && f.ScoredAt == null && f.CloseTime <= T0.AddHours(7))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.YesWon, true).SetProperty(f => f.SettledAt, T0.AddHours(6.1)).SetProperty(f => f.ScoredAt, T0.AddHours(6.2)));
            var latest = await context.Forecasts.AsNoTracking()
                .Where(f => f.YesWon != null)
                .GroupBy(f => f.Ticker)
                .Select(g => new { Ticker = g.Key, Scored = g.Max(f => f.ScoredAt), Last = g.Max(f => f.DecisionTime) })
                .OrderByDescending(g => g.Scored)
                .ToListAsync();
            var forecast = await context.Forecasts.Include(f => f.Models).OrderBy(f => f.DecisionTime).FirstAsync();

            Assert.Equal(2, scored);
            var only = Assert.Single(latest);
            Assert.Equal(("KXHIGHNY-26NOV24-T60", T0.AddHours(6.2), T0.AddHours(1)), (only.Ticker, only.Scored, only.Last));
            Assert.Equal((true, 0.54, 0.612, "platt"), (forecast.YesWon, forecast.MarketProbabilityYes, forecast.ProbabilityYes, forecast.Recalibrator));
            Assert.Equal(["market-implied", "order-flow"], forecast.Models.Select(m => m.Model).Order());
            Assert.Equal("""{"mid":"0.54"}""", forecast.Models.Single(m => m.Model == "market-implied").Inputs);
            Assert.Equal(6, await context.ModelForecasts.CountAsync());
        }
    }

    [Fact]
    public async Task ForecastBulkWriter_WritesTheSameRowsAsEfCore()
    {
        var (byEf, byBulk) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var context = Factory.CreateDbContext())
        {
            context.Forecasts.AddRange(CycleOfForecasts(byEf, 250));
            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            await ForecastBulkWriter.InsertAsync(context, CycleOfForecasts(byBulk, 250));
        }

        await using (var context = Factory.CreateDbContext())
        {
            var ef = await ReadCycleAsync(context, byEf);
            var bulk = await ReadCycleAsync(context, byBulk);
            Assert.Equal(250, bulk.Count);
            Assert.Equal(1000, bulk.Sum(f => f.Models.Count));
            Assert.Equal(ef.Select(Comparable), bulk.Select(Comparable));
            Assert.All(bulk, f => Assert.All(f.Models, m => Assert.Equal(f.Id, m.ForecastId)));

            // Real values, as written: an unscored forecast and a scored one, times back as the same instants.
            var first = bulk[0];
            Assert.Equal(("KXHIGHNY-26NOV24-B000", "KXHIGHNY-26NOV24", "Climate and Weather", "isotonic"), (first.Ticker, first.EventTicker, first.Category, first.Recalibrator));
            Assert.Equal((T0, T0.AddHours(6)), (first.DecisionTime, first.CloseTime));
            Assert.Equal(0.5, first.MarketProbabilityYes);
            Assert.Equal(0.6, first.PooledProbabilityYes, 12);
            Assert.Equal(0.61, first.ProbabilityYes, 12);
            Assert.Equal(0.25, first.Disagreement);
            Assert.Equal((null, null, null), (first.YesWon, first.SettledAt, first.ScoredAt));
            var implied = first.Models.Single(m => m.Model == "market-implied");
            Assert.Equal((0.5, 0.8, """{"mid":"0.5000","spread":"0.02"}"""), (implied.ProbabilityYes, implied.Confidence, implied.Inputs));
            var scored = bulk[7];
            Assert.Equal((false, T0.AddHours(7), T0.AddHours(7.5)), (scored.YesWon, scored.SettledAt, scored.ScoredAt));
            Assert.Equal(T0.AddMinutes(7), scored.DecisionTime);
            Assert.Equal("{}", scored.Models.Single(m => m.Model == "order-flow").Inputs);
        }
    }

    [Fact]
    public async Task ForecastBulkWriter_OneRowRefused_WritesNothing()
    {
        var cycle = Guid.NewGuid();
        var rows = CycleOfForecasts(cycle, 20);
        await using (var context = Factory.CreateDbContext())
        {
            await ForecastBulkWriter.InsertAsync(context, rows.Take(1).ToList());
        }

        // Every row again, the first one's id already stored: the insert fails as a whole.
        await using (var context = Factory.CreateDbContext())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ForecastBulkWriter.InsertAsync(context, CycleOfForecasts(cycle, 20, rows[0].Id)));
        }

        await using (var check = Factory.CreateDbContext())
        {
            Assert.Equal(1, await check.Forecasts.CountAsync());
            Assert.Equal(4, await check.ModelForecasts.CountAsync());
        }
    }

    [Fact]
    public async Task Times_SortAndFilterInTheDatabase()
    {
        await using (var context = Factory.CreateDbContext())
        {
            for (var i = 0; i < 3; i++)
            {
                context.CycleRuns.Add(new CycleRunEntity { Id = Guid.NewGuid(), StartedAt = T0.AddMinutes(i), Scanned = i });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            var latest = await context.CycleRuns.OrderByDescending(c => c.StartedAt).FirstAsync();
            var after = await context.CycleRuns.CountAsync(c => c.StartedAt > T0);
            Assert.Equal(2, latest.Scanned);
            Assert.Equal(T0.AddMinutes(2), latest.StartedAt);
            Assert.Equal(2, after);
        }
    }

    [Fact]
    public async Task EquitySnapshots_RoundTripExactlyAndFilterByTimeInTheDatabase()
    {
        var cycle = Guid.NewGuid();
        await using (var context = Factory.CreateDbContext())
        {
            for (var i = 0; i < 3; i++)
            {
                context.EquitySnapshots.Add(new EquitySnapshotEntity
                {
                    Id = Guid.NewGuid(),
                    CycleId = i == 1 ? cycle : null,
                    At = T0.AddMinutes(i),
                    Equity = 1000.123456m + i,
                    Cash = 975.03m,
                    Exposure = 24.2m,
                    Deposits = 1000m,
                    RealizedPnl = -2.42m,
                    UnrealizedPnl = 0.99m + i,
                });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            var window = await context.EquitySnapshots.Where(s => s.At >= T0.AddMinutes(1) && s.At < T0.AddMinutes(3)).OrderByDescending(s => s.At).ToListAsync();

            Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(1)], window.Select(s => s.At));
            Assert.Equal((1001.123456m, 975.03m, 24.2m, 1000m, -2.42m, 1.99m), (window[1].Equity, window[1].Cash, window[1].Exposure, window[1].Deposits, window[1].RealizedPnl, window[1].UnrealizedPnl));
            Assert.Equal([null, cycle], window.Select(s => s.CycleId));
        }
    }

    [Fact]
    public async Task Orders_SameClientOrderIdTwice_IsRefusedByTheDatabase()
    {
        await using (var context = Factory.CreateDbContext())
        {
            context.Orders.Add(Order("kd-1"));
            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            context.Orders.Add(Order("kd-1"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = Factory.CreateDbContext())
        {
            Assert.Equal(1, await context.Orders.CountAsync(o => o.ClientOrderId == "kd-1"));
        }
    }

    [Fact]
    public async Task Proposals_OnlyOnePendingPerMarket_ButDecidedOnesMayRepeat()
    {
        await using (var context = Factory.CreateDbContext())
        {
            context.Proposals.Add(Proposal("M-1", ProposalStatus.Rejected));
            context.Proposals.Add(Proposal("M-1", ProposalStatus.Executed));
            context.Proposals.Add(Proposal("M-1", ProposalStatus.Pending));
            await context.SaveChangesAsync();
        }

        await using (var context = Factory.CreateDbContext())
        {
            context.Proposals.Add(Proposal("M-1", ProposalStatus.Pending));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = Factory.CreateDbContext())
        {
            Assert.Equal(3, await context.Proposals.CountAsync(p => p.Ticker == "M-1"));
        }
    }

    [Fact]
    public async Task Proposals_ConcurrentClaims_ExactlyOneWins()
    {
        var proposal = Proposal("M-2", ProposalStatus.Pending);
        await using (var context = Factory.CreateDbContext())
        {
            context.Proposals.Add(proposal);
            await context.SaveChangesAsync();
        }

        async Task<int> ClaimAsync(string who)
        {
            await using var context = Factory.CreateDbContext();
            return await context.Proposals
                .Where(p => p.Id == proposal.Id && p.Status == ProposalStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Approved).SetProperty(p => p.DecidedBy, who));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ClaimAsync($"trader-{i}"))));

        Assert.Equal(1, claims.Sum());
        await using var check = Factory.CreateDbContext();
        var stored = await check.Proposals.SingleAsync(p => p.Id == proposal.Id);
        Assert.Equal(ProposalStatus.Approved, stored.Status);
        Assert.StartsWith("trader-", stored.DecidedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positions_ConcurrentUpdates_TheStaleOneIsRefused()
    {
        await using (var context = Factory.CreateDbContext())
        {
            context.Positions.Add(new PositionEntity { Ticker = "M-3", EventTicker = "E", Title = "t", Side = "yes", Contracts = 10, Cost = 5, OpenedAt = T0, UpdatedAt = T0 });
            await context.SaveChangesAsync();
        }

        await using var first = Factory.CreateDbContext();
        await using var second = Factory.CreateDbContext();
        var a = await first.Positions.SingleAsync(p => p.Ticker == "M-3");
        var b = await second.Positions.SingleAsync(p => p.Ticker == "M-3");
        a.Contracts += 5;
        a.Version++;
        await first.SaveChangesAsync();
        b.Contracts += 7;
        b.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Factory.CreateDbContext();
        Assert.Equal(15m, (await check.Positions.SingleAsync(p => p.Ticker == "M-3")).Contracts);
    }

    /// <summary>
    /// A cycle's forecasts as ForecastRecorder makes them (times in UTC, as the desk's clock gives them): four models each,
    /// every seventh already scored, and one model's inputs empty.
    /// </summary>
    private static List<ForecastEntity> CycleOfForecasts(Guid cycleId, int count, Guid? firstId = null)
    {
        var rows = new List<ForecastEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i == 0 && firstId is { } given ? given : Guid.CreateVersion7(T0.AddMilliseconds(i));
            var scored = i % 7 == 0 && i > 0;
            var mid = 0.5 + ((i % 40) / 100.0);
            rows.Add(new ForecastEntity
            {
                Id = id,
                CycleId = cycleId,
                Ticker = $"KXHIGHNY-26NOV24-B{i:D3}",
                EventTicker = "KXHIGHNY-26NOV24",
                Category = i % 3 == 0 ? "Climate and Weather" : "Économie",
                DecisionTime = T0.AddMinutes(i),
                CloseTime = T0.AddHours(6),
                MarketProbabilityYes = mid,
                PooledProbabilityYes = mid + 0.1,
                ProbabilityYes = mid + 0.11,
                Recalibrator = i % 2 == 0 ? "isotonic" : "identity",
                Disagreement = 0.25 + (i / 1000.0),
                YesWon = scored ? false : null,
                SettledAt = scored ? T0.AddHours(i) : null,
                ScoredAt = scored ? T0.AddHours(i + 0.5) : null,
                Models =
                [
                    new ModelForecastEntity { ForecastId = id, Model = "market-implied", ProbabilityYes = mid, Confidence = 0.8, Inputs = $$"""{"mid":"{{mid.ToString("F4", CultureInfo.InvariantCulture)}}","spread":"0.02"}""" },
                    new ModelForecastEntity { ForecastId = id, Model = "favourite-longshot", ProbabilityYes = mid - 0.01, Confidence = 0.5, Inputs = """{"prior":"0.49"}""" },
                    new ModelForecastEntity { ForecastId = id, Model = "order-flow", ProbabilityYes = 1d / 3, Confidence = 0.1 },
                    new ModelForecastEntity { ForecastId = id, Model = "event-consistency", ProbabilityYes = mid + 0.2, Confidence = 0.9, Inputs = """{"siblings":"4","sum":"1.02"}""" },
                ],
            });
        }

        return rows;
    }

    private static async Task<List<ForecastEntity>> ReadCycleAsync(DeskDbContext context, Guid cycleId)
    {
        var rows = await context.Forecasts.AsNoTracking().Include(f => f.Models).Where(f => f.CycleId == cycleId).ToListAsync();
        return [.. rows.OrderBy(f => f.Ticker, StringComparer.Ordinal)];
    }

    /// <summary>Every stored column but the ids, times as instants; models in a fixed order.</summary>
    private static string Comparable(ForecastEntity f) =>
        string.Join(
            "|",
            f.Ticker, f.EventTicker, f.Category, f.DecisionTime.UtcTicks, f.CloseTime.UtcTicks, f.MarketProbabilityYes.ToString("R", CultureInfo.InvariantCulture), f.PooledProbabilityYes.ToString("R", CultureInfo.InvariantCulture),
            f.ProbabilityYes.ToString("R", CultureInfo.InvariantCulture), f.Recalibrator, f.Disagreement.ToString("R", CultureInfo.InvariantCulture), f.YesWon, f.SettledAt?.UtcTicks, f.ScoredAt?.UtcTicks,
            string.Join(";", f.Models.OrderBy(m => m.Model, StringComparer.Ordinal).Select(m => $"{m.Model}={m.ProbabilityYes.ToString("R", CultureInfo.InvariantCulture)}/{m.Confidence.ToString("R", CultureInfo.InvariantCulture)}/{m.Inputs}")));

    private static OrderEntity Order(string clientOrderId) => new()
    {
        Id = Guid.NewGuid(), ClientOrderId = clientOrderId, Broker = "paper", Ticker = "M-1", Side = "yes", LimitPrice = 0.55m, Count = 10, Status = "pending", CreatedAt = T0,
    };

    private static ProposalEntity Proposal(string ticker, ProposalStatus status)
    {
        var id = Guid.NewGuid();
        return new ProposalEntity
        {
            Id = id, CycleId = Guid.NewGuid(), CreatedAt = T0, ExpiresAt = T0.AddMinutes(10), Ticker = ticker, EventTicker = "E", Title = "t", Side = "yes",
            ProbabilityYes = 0.7, Price = 0.55m, Contracts = 44, Cost = 24.2m, Fee = 0.77m, Status = status, ClientOrderId = "kd-" + id.ToString("N"),
        };
    }
}
