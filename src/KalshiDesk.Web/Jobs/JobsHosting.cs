using Hangfire;
using Hangfire.PostgreSql;
using KalshiDesk.Data;
using KalshiDesk.Web.Auth;

namespace KalshiDesk.Web.Jobs;

public static class JobsHosting
{
    /// <summary>Hangfire on PostgreSQL when the desk's database is PostgreSQL (locks shared by every instance), in memory otherwise.</summary>
    public static void AddDeskJobs(this WebApplicationBuilder builder)
    {
        // Registered before Hangfire's server: hosted services start in order, so no cycle runs before the desk has relearned.
        builder.Services.AddHostedService<CalibrationStartup>();
        builder.Services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var database = sp.GetRequiredService<DeskDatabase>();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = 2;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddTransient<TradingCycleJob>();
        builder.Services.AddTransient<ReconciliationJob>();
        builder.Services.AddTransient<ScoringJob>();
        builder.Services.AddTransient<RiskJob>();
        builder.Services.AddHostedService<JobScheduler>();
    }

    /// <summary>The Hangfire dashboard at /hangfire, for admins only.</summary>
    public static void MapDeskJobs(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(DeskPolicies.Admin, "/hangfire", new DashboardOptions { DisplayStorageConnectionString = false, DashboardTitle = "KalshiDesk jobs" });
}
