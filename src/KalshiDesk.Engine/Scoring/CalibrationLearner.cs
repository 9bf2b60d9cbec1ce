using KalshiDesk.Data;
using KalshiDesk.Engine.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Scoring;

/// <summary>
/// Reads the scored forecasts from the database and relearns from them: ensemble weights, recalibration, scores and the
/// rolling skill (<see cref="CalibrationAnalysis"/>), then hands the result to <see cref="LearnedCalibration"/> and tells
/// the dashboards. Runs at start (so a restart keeps what was learned) and after each scoring that settled something.
/// </summary>
public sealed partial class CalibrationLearner(
    IDbContextFactory<DeskDbContext> db,
    LearnedCalibration learned,
    IDeskEvents events,
    IOptions<ScoringOptions> options,
    TimeProvider time,
    ILogger<CalibrationLearner> logger)
{
    public async Task<CalibrationSnapshot> RefreshAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        List<RecordedForecast> forecasts;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            // The latest settled markets, every stored forecast of each.
            var tickers = await context.Forecasts.AsNoTracking()
                .Where(f => f.YesWon != null)
                .GroupBy(f => f.Ticker)
                .Select(g => new { Ticker = g.Key, Scored = g.Max(f => f.ScoredAt) })
                .OrderByDescending(g => g.Scored)
                .ThenBy(g => g.Ticker)
                .Take(settings.LearningWindow)
                .Select(g => g.Ticker)
                .ToListAsync(ct)
                .ConfigureAwait(false);
            forecasts = new List<RecordedForecast>();
            foreach (var chunk in tickers.Chunk(500))
            {
                var rows = await context.Forecasts.AsNoTracking()
                    .Where(f => f.YesWon != null && chunk.Contains(f.Ticker))
                    .Include(f => f.Models)
                    .AsSplitQuery()
                    .ToListAsync(ct)
                    .ConfigureAwait(false);
                forecasts.AddRange(rows.Select(f => new RecordedForecast(
                    f.Ticker,
                    f.Category,
                    f.DecisionTime,
                    f.CloseTime,
                    f.SettledAt ?? f.ScoredAt ?? f.CloseTime,
                    f.MarketProbabilityYes,
                    f.PooledProbabilityYes,
                    f.ProbabilityYes,
                    f.YesWon!.Value,
                    f.Models.ToDictionary(m => m.Model, m => m.ProbabilityYes, StringComparer.Ordinal))));
            }
        }

        var learning = CalibrationAnalysis.Learn(forecasts, settings, time.GetUtcNow());
        var wasSittingOut = learned.SitOutReason is not null;
        learned.Set(learning);
        var snapshot = learning.Snapshot;
        LogLearned(logger, snapshot.SettledMarkets, snapshot.Desk?.Brier, snapshot.Market?.Brier, snapshot.Rolling.Skill, snapshot.Recalibration);
        if (snapshot.Rolling.Degraded != wasSittingOut)
        {
            LogSitOut(logger, snapshot.Rolling.Degraded ? snapshot.Rolling.Reason! : "calibration recovered: entries resume");
        }

        await events.PublishAsync(new CalibrationUpdated(time.GetUtcNow(), snapshot.SettledMarkets, snapshot.Rolling.Skill, snapshot.Rolling.Degraded), ct).ConfigureAwait(false);
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibration learned from {Markets} settled markets: Brier desk {Desk}, market {Market}, rolling skill {Skill}; {Recalibration}")]
    private static partial void LogLearned(ILogger logger, int markets, double? desk, double? market, double? skill, string recalibration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sit-out: {Reason}")]
    private static partial void LogSitOut(ILogger logger, string reason);
}
