using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>
/// Forecasts of markets that settled before the desk (re)started, written to its main SQLite file as the cycle and the scorer
/// would have: a fixed, seeded draw in which the desk's forecast sits closer to each market's true chance than the price.
/// </summary>
internal static class SettledHistory
{
    public const int Markets = 80;

    private static readonly string[] Categories = ["weather", "economics", "crypto", "sports"];
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromMinutes(30), TimeSpan.FromHours(3), TimeSpan.FromHours(12), TimeSpan.FromDays(2)];

    /// <summary>
    /// Migrates the main database in <paramref name="workingDirectory"/> (data/kalshidesk.db: forecasts are the desk's,
    /// whichever book it trades) and writes the history to it.
    /// </summary>
    public static async Task WriteAsync(string workingDirectory)
    {
        var factory = new DeskDbContextFactory(DeskDatabases.Parse(null, null, workingDirectory).Main);
        await using (var context = factory.CreateDbContext())
        {
            await context.Database.MigrateAsync();
            context.Forecasts.AddRange(Draw(DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static IEnumerable<ForecastEntity> Draw(DateTimeOffset now)
    {
        var random = new Random(20261123);
        for (var i = 0; i < Markets; i++)
        {
            var truth = 0.05 + (0.9 * random.NextDouble());
            var yesWon = random.NextDouble() < truth;
            var market = Clamp(truth + (0.25 * (random.NextDouble() - 0.5)));
            var desk = Clamp(truth + (0.4 * (market - truth)) + (0.04 * (random.NextDouble() - 0.5)));
            var close = now.AddDays(-12).AddHours(i * 3.5);
            var id = Guid.NewGuid();
            yield return new ForecastEntity
            {
                Id = id,
                CycleId = Guid.NewGuid(),
                Ticker = $"KXHISTORY-{i:000}",
                EventTicker = "KXHISTORY",
                Category = Categories[i % Categories.Length],
                DecisionTime = close - Horizons[i % Horizons.Length],
                CloseTime = close,
                MarketProbabilityYes = market,
                PooledProbabilityYes = Clamp((desk + market) / 2),
                ProbabilityYes = desk,
                Recalibrator = "identity",
                YesWon = yesWon,
                SettledAt = close.AddMinutes(6),
                ScoredAt = close.AddMinutes(10),
                Models =
                [
                    new ModelForecastEntity { ForecastId = id, Model = "market-implied", ProbabilityYes = market, Confidence = 0.5 },
                    new ModelForecastEntity { ForecastId = id, Model = "favourite-longshot", ProbabilityYes = Clamp(market + ((0.5 - market) * 0.1)), Confidence = 0.4 },
                    new ModelForecastEntity { ForecastId = id, Model = "order-flow", ProbabilityYes = Clamp(truth + (0.2 * (random.NextDouble() - 0.5))), Confidence = 0.3 },
                ],
            };
        }
    }

    private static double Clamp(double p) => Math.Clamp(p, 0.02, 0.98);
}
