using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data;

/// <summary>The desk's store. Provider-specific subclasses carry the migrations for SQLite and PostgreSQL.</summary>
public abstract class DeskDbContext(DbContextOptions options) : IdentityDbContext<DeskUser>(options)
{
    public DbSet<ProposalEntity> Proposals => Set<ProposalEntity>();
    public DbSet<OrderEntity> Orders => Set<OrderEntity>();
    public DbSet<FillEntity> Fills => Set<FillEntity>();
    public DbSet<PositionEntity> Positions => Set<PositionEntity>();
    public DbSet<LedgerEntryEntity> Ledger => Set<LedgerEntryEntity>();
    public DbSet<CycleRunEntity> CycleRuns => Set<CycleRunEntity>();
    public DbSet<AuditEntryEntity> Audit => Set<AuditEntryEntity>();
    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    public DbSet<DeskSettingEntity> Settings => Set<DeskSettingEntity>();
    public DbSet<ReconciliationRunEntity> ReconciliationRuns => Set<ReconciliationRunEntity>();
    public DbSet<ReconciliationDifferenceEntity> ReconciliationDifferences => Set<ReconciliationDifferenceEntity>();
    public DbSet<SettlementEntity> Settlements => Set<SettlementEntity>();
    public DbSet<ForecastEntity> Forecasts => Set<ForecastEntity>();
    public DbSet<ModelForecastEntity> ModelForecasts => Set<ModelForecastEntity>();
    public DbSet<RiskStateEntity> RiskState => Set<RiskStateEntity>();
    public DbSet<DeskModeEntity> DeskMode => Set<DeskModeEntity>();
    public DbSet<EquitySnapshotEntity> EquitySnapshots => Set<EquitySnapshotEntity>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<ProposalEntity>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Ticker).HasMaxLength(200);
            e.Property(p => p.EventTicker).HasMaxLength(200);
            e.Property(p => p.Title).HasMaxLength(500);
            e.Property(p => p.Category).HasMaxLength(100);
            e.Property(p => p.Side).HasMaxLength(3);
            e.Property(p => p.Route).HasMaxLength(10);
            e.Property(p => p.Preset).HasMaxLength(50);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.ClientOrderId).HasMaxLength(64);
            e.Property(p => p.DecidedBy).HasMaxLength(256);
            e.Property(p => p.Reason).HasMaxLength(1000);
            Money(e.Property(p => p.Price));
            Money(e.Property(p => p.Contracts));
            Money(e.Property(p => p.Cost));
            Money(e.Property(p => p.Fee));
            Money(e.Property(p => p.FeePerContract));
            e.HasIndex(p => p.ClientOrderId).IsUnique();
            e.HasIndex(p => new { p.Status, p.Ticker });

            // At most one pending proposal per market, even with two instances running the cycle at once.
            e.HasIndex(p => p.Ticker).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_proposals_one_pending_per_ticker");
        });

        builder.Entity<OrderEntity>(e =>
        {
            e.ToTable("orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.ClientOrderId).HasMaxLength(64);
            e.Property(o => o.ExchangeOrderId).HasMaxLength(100);
            e.Property(o => o.Broker).HasMaxLength(20);
            e.Property(o => o.Ticker).HasMaxLength(200);
            e.Property(o => o.Side).HasMaxLength(3);
            e.Property(o => o.Status).HasMaxLength(20);
            Money(e.Property(o => o.LimitPrice));
            Money(e.Property(o => o.Count));
            Money(e.Property(o => o.Filled));

            // The database itself refuses a second order with the same idempotency key.
            e.HasIndex(o => o.ClientOrderId).IsUnique();
        });

        builder.Entity<FillEntity>(e =>
        {
            e.ToTable("fills");
            e.HasKey(f => f.Id);
            e.Property(f => f.Ticker).HasMaxLength(200);
            e.Property(f => f.Side).HasMaxLength(3);
            Money(e.Property(f => f.Price));
            Money(e.Property(f => f.Count));
            Money(e.Property(f => f.Fee));
            e.HasIndex(f => f.OrderId);
            e.Property(f => f.ExchangeFillId).HasMaxLength(100);

            // A fill the exchange reports is booked once, however often reconciliation sees it.
            e.HasIndex(f => f.ExchangeFillId).IsUnique();
        });

        builder.Entity<PositionEntity>(e =>
        {
            e.ToTable("positions");
            e.HasKey(p => new { p.Ticker, p.Side });
            e.Property(p => p.Ticker).HasMaxLength(200);
            e.Property(p => p.EventTicker).HasMaxLength(200);
            e.Property(p => p.Title).HasMaxLength(500);
            e.Property(p => p.Side).HasMaxLength(3);
            Money(e.Property(p => p.Contracts));
            Money(e.Property(p => p.Cost));
            Money(e.Property(p => p.FeesPaid));
            Money(e.Property(p => p.MarkYes));
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<LedgerEntryEntity>(e =>
        {
            e.ToTable("ledger");
            e.HasKey(l => l.Id);
            e.Property(l => l.Kind).HasMaxLength(20);
            e.Property(l => l.Ticker).HasMaxLength(200);
            e.Property(l => l.Note).HasMaxLength(500);
            Money(e.Property(l => l.Amount));
            e.HasIndex(l => l.At);
        });

        builder.Entity<CycleRunEntity>(e =>
        {
            e.ToTable("cycle_runs");
            e.HasKey(c => c.Id);
            e.Property(c => c.Preset).HasMaxLength(50);
            e.Property(c => c.TradingState).HasMaxLength(20);
            e.Property(c => c.SitOut).HasMaxLength(1000);
            e.HasIndex(c => c.StartedAt);
        });

        builder.Entity<EquitySnapshotEntity>(e =>
        {
            e.ToTable("equity_snapshots");
            e.HasKey(s => s.Id);
            Money(e.Property(s => s.Equity));
            Money(e.Property(s => s.Cash));
            Money(e.Property(s => s.Exposure));
            Money(e.Property(s => s.Deposits));
            Money(e.Property(s => s.RealizedPnl));
            Money(e.Property(s => s.UnrealizedPnl));
            e.HasIndex(s => s.At);
        });

        builder.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.OldValue).HasMaxLength(500);
            e.Property(a => a.NewValue).HasMaxLength(500);
            e.HasIndex(a => a.At);
        });

        builder.Entity<ApiTokenEntity>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
        });

        builder.Entity<ReconciliationRunEntity>(e =>
        {
            e.ToTable("reconciliation_runs");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.StartedAt);
        });

        builder.Entity<ReconciliationDifferenceEntity>(e =>
        {
            e.ToTable("reconciliation_differences");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasMaxLength(20);
            e.Property(d => d.Ticker).HasMaxLength(200);
            e.Property(d => d.Desk).HasMaxLength(500);
            e.Property(d => d.Exchange).HasMaxLength(500);
            e.Property(d => d.Correction).HasMaxLength(500);
            e.HasIndex(d => d.RunId);
        });

        builder.Entity<SettlementEntity>(e =>
        {
            e.ToTable("settlements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Ticker).HasMaxLength(200);
            e.Property(x => x.EventTicker).HasMaxLength(200);
            e.Property(x => x.Result).HasMaxLength(10);
            Money(e.Property(x => x.Revenue));
            Money(e.Property(x => x.YesCount));
            Money(e.Property(x => x.NoCount));
            Money(e.Property(x => x.Fee));
            Money(e.Property(x => x.Cost));
            e.Ignore(x => x.Pnl);
            e.HasIndex(x => x.Ticker).IsUnique();

            // The breaker looks for the settlements it has not counted yet.
            e.HasIndex(x => x.BreakerCountedAt);
        });

        builder.Entity<ForecastEntity>(e =>
        {
            e.ToTable("forecasts");
            e.HasKey(f => f.Id);
            e.Property(f => f.Ticker).HasMaxLength(200);
            e.Property(f => f.EventTicker).HasMaxLength(200);
            e.Property(f => f.Category).HasMaxLength(100);
            e.Property(f => f.Recalibrator).HasMaxLength(200);
            e.HasMany(f => f.Models).WithOne().HasForeignKey(m => m.ForecastId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => new { f.Ticker, f.DecisionTime });

            // Scoring looks for closed, unscored forecasts; learning reads the scored ones newest first.
            e.HasIndex(f => new { f.ScoredAt, f.CloseTime });
            e.HasIndex(f => f.SettledAt);
        });

        builder.Entity<ModelForecastEntity>(e =>
        {
            e.ToTable("model_forecasts");
            e.HasKey(m => new { m.ForecastId, m.Model });
            e.Property(m => m.Model).HasMaxLength(100);
            e.Property(m => m.Inputs).HasMaxLength(4000);
        });

        builder.Entity<RiskStateEntity>(e =>
        {
            e.ToTable("risk_state");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.State).HasMaxLength(20);
            e.Property(r => r.Cause).HasMaxLength(20);
            e.Property(r => r.Reason).HasMaxLength(1000);
            Money(e.Property(r => r.DayStartEquity));
            Money(e.Property(r => r.PeakEquity));
            Money(e.Property(r => r.LastEquity));
            e.Property(r => r.Version).IsConcurrencyToken();
        });

        builder.Entity<DeskModeEntity>(e =>
        {
            e.ToTable("desk_mode");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Mode).HasMaxLength(10);
            e.Property(m => m.ChangedBy).HasMaxLength(256);
            e.Property(m => m.Version).IsConcurrencyToken();
        });

        builder.Entity<DeskSettingEntity>(e =>
        {
            e.ToTable("settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
    }

    // Kalshi sends up to six decimal places for prices; 18,6 holds any account's dollars and counts exactly.
    private static void Money(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder property) =>
        property.HasPrecision(18, 6);
}
