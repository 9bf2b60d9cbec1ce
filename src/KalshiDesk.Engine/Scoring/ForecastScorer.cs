using KalshiDesk.Data;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Scoring;

/// <summary>
/// Scores stored forecasts when their markets settle: looks up every closed market with unscored forecasts on the
/// exchange (100 tickers a request), writes the outcome to each of its forecasts once, and relearns when anything
/// settled. A market still closed or determined-but-unreported is asked again next time; a scalar settlement can never
/// be scored yes/no and is marked so; a market the exchange no longer lists is given up after
/// <see cref="ScoringOptions.GiveUpAfter"/>.
/// </summary>
public sealed partial class ForecastScorer(
    IDbContextFactory<DeskDbContext> db,
    IKalshiClient client,
    CalibrationLearner learner,
    IOptions<ScoringOptions> options,
    TimeProvider time,
    ILogger<ForecastScorer> logger)
{
    /// <summary>Tickers per <c>GET /markets?tickers=</c> request.</summary>
    public const int BatchSize = 100;

    /// <summary>Markets looked up in one pass at most; the rest wait for the next.</summary>
    public const int MaxMarketsPerRun = 5_000;

    public async Task<ScoringRun> ScoreAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<(string Ticker, DateTimeOffset Close)> due;
        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var rows = await context.Forecasts.AsNoTracking()
                .Where(f => f.ScoredAt == null && f.CloseTime <= now)
                .GroupBy(f => f.Ticker)
                .Select(g => new { Ticker = g.Key, Close = g.Max(f => f.CloseTime) })
                .OrderBy(g => g.Ticker)
                .Take(MaxMarketsPerRun)
                .ToListAsync(ct)
                .ConfigureAwait(false);
            due = [.. rows.Select(r => (r.Ticker, r.Close))];
        }

        int settled = 0, scored = 0, unscorable = 0;
        foreach (var batch in due.Chunk(BatchSize))
        {
            var found = new Dictionary<string, MarketSnapshot>(StringComparer.Ordinal);
            await foreach (var market in client.GetMarketsAsync(new MarketFilter(Tickers: [.. batch.Select(b => b.Ticker)]), ct).ConfigureAwait(false))
            {
                found[market.Ticker] = market;
            }

            await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
            foreach (var (ticker, close) in batch)
            {
                if (found.TryGetValue(ticker, out var market) && market.Result is MarketResult.Yes or MarketResult.No)
                {
                    var yesWon = market.Result == MarketResult.Yes;
                    var settledAt = market.SettledAt ?? now;
                    scored += await context.Forecasts
                        .Where(f => f.Ticker == ticker && f.ScoredAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(f => f.YesWon, yesWon).SetProperty(f => f.SettledAt, settledAt).SetProperty(f => f.ScoredAt, now), ct)
                        .ConfigureAwait(false);
                    settled++;
                }
                else if ((market is not null && market.Result == MarketResult.Scalar) || (market is null && now - close > options.Value.GiveUpAfter))
                {
                    var settledAt = market?.SettledAt;
                    await context.Forecasts
                        .Where(f => f.Ticker == ticker && f.ScoredAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(f => f.ScoredAt, now).SetProperty(f => f.SettledAt, settledAt), ct)
                        .ConfigureAwait(false);
                    unscorable++;
                    LogUnscorable(logger, ticker, market is null ? "no longer listed by the exchange" : "settled as a scalar");
                }
            }
        }

        var run = new ScoringRun(due.Count, settled, scored, unscorable);
        if (settled > 0)
        {
            LogScored(logger, settled, scored);
            await learner.RefreshAsync(ct).ConfigureAwait(false);
        }

        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring: {Settled} markets settled, {Forecasts} forecasts scored")]
    private static partial void LogScored(ILogger logger, int settled, int forecasts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring: {Ticker} cannot be scored yes/no ({Why}); its forecasts are left out")]
    private static partial void LogUnscorable(ILogger logger, string ticker, string why);
}
