using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Scoring;

/// <summary>Settled forecasts written straight to the store, as scoring leaves them.</summary>
internal static class ScoredHistory
{
    public static async Task SeedAsync(IDbContextFactory<DeskDbContext> db, IEnumerable<Row> rows)
    {
        await using var context = await db.CreateDbContextAsync();
        var i = 0;
        foreach (var row in rows)
        {
            var id = Guid.NewGuid();
            var settled = row.SettledAt ?? EngineHarness.Start.AddMinutes(-1000 + i);
            context.Forecasts.Add(new ForecastEntity
            {
                Id = id,
                CycleId = Guid.Empty,
                Ticker = row.Ticker,
                EventTicker = row.Ticker + "-E",
                Category = row.Category,
                DecisionTime = row.DecisionTime ?? settled.AddHours(-2),
                CloseTime = settled.AddMinutes(-6),
                MarketProbabilityYes = row.Market,
                PooledProbabilityYes = row.Pooled ?? row.Desk,
                ProbabilityYes = row.Desk,
                Recalibrator = "identity",
                YesWon = row.YesWon,
                SettledAt = settled,
                ScoredAt = settled,
                Models = [.. (row.Models ?? new Dictionary<string, double> { ["market-implied"] = row.Desk }).Select(m => new ModelForecastEntity { ForecastId = id, Model = m.Key, ProbabilityYes = m.Value, Confidence = 0.5 })],
            });
            i++;
        }

        await context.SaveChangesAsync();
    }

    /// <summary>A settled market's forecast; settlement times default to one a minute, in order.</summary>
    internal sealed record Row(
        string Ticker,
        double Market,
        double Desk,
        bool YesWon,
        string Category = "Weather",
        double? Pooled = null,
        Dictionary<string, double>? Models = null,
        DateTimeOffset? SettledAt = null,
        DateTimeOffset? DecisionTime = null);
}
