using System.Collections.Concurrent;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Engine.Forecasting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Scoring;

/// <summary>
/// Stores the cycle's forecasts with their decision time, before anyone knows the outcome: the market price, the pool,
/// the calibrated probability and every model's forecast with its confidence and inputs. A market is recorded at most
/// once per <see cref="ScoringOptions.RecordInterval"/>, and whenever the cycle proposes a trade in it. A market with no
/// price at all (no quote, no trade) is not recorded: every score is set against the market price.
/// </summary>
public sealed class ForecastRecorder(IDbContextFactory<DeskDbContext> db, IOptions<ScoringOptions> options)
{
    /// <summary>Stored length of a model's inputs; longer values are cut, never the forecast.</summary>
    public const int MaxInputsLength = 4000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRecorded = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>Records what is due of <paramref name="forecasts"/>; returns how many markets were recorded.</summary>
    public async Task<int> RecordAsync(
        Guid cycleId,
        IReadOnlyList<(MarketSnapshot Market, EnsembleForecast Forecast)> forecasts,
        IReadOnlySet<string> proposed,
        DateTimeOffset decisionTime,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(proposed);
        await LoadAsync(decisionTime, ct).ConfigureAwait(false);
        var interval = options.Value.RecordInterval;
        var rows = new List<ForecastEntity>();
        foreach (var (market, forecast) in forecasts)
        {
            var price = market.Mid ?? market.LastPrice;
            if (price is null)
            {
                continue;
            }

            var due = proposed.Contains(market.Ticker)
                || !_lastRecorded.TryGetValue(market.Ticker, out var last)
                || decisionTime - last >= interval;
            if (!due)
            {
                continue;
            }

            var id = Guid.CreateVersion7(decisionTime);
            rows.Add(new ForecastEntity
            {
                Id = id,
                CycleId = cycleId,
                Ticker = market.Ticker,
                EventTicker = market.EventTicker,
                Category = market.Category,
                DecisionTime = forecast.DecisionTime,
                CloseTime = market.CloseTime,
                MarketProbabilityYes = (double)price.Value.Dollars,
                PooledProbabilityYes = forecast.Pooled.ProbabilityYes.Value,
                ProbabilityYes = forecast.ProbabilityYes.Value,
                Recalibrator = forecast.Recalibrator,
                Disagreement = forecast.Disagreement,
                Models = [.. forecast.Models.Select(m => new ModelForecastEntity
                {
                    ForecastId = id,
                    Model = m.Model,
                    ProbabilityYes = m.ProbabilityYes.Value,
                    Confidence = m.Confidence,
                    Inputs = Inputs(m.Inputs),
                })],
            });
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        await using (var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            // A cycle of 40,000 markets is 200,000 rows with the models': one bulk insert (COPY on PostgreSQL).
            await ForecastBulkWriter.InsertAsync(context, rows, ct).ConfigureAwait(false);
        }

        foreach (var row in rows)
        {
            _lastRecorded[row.Ticker] = decisionTime;
        }

        return rows.Count;
    }

    /// <summary>The inputs as a JSON object; values dropped from the end (and counted) when it would not fit.</summary>
    public static string Inputs(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var kept = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(kept);
        var keys = inputs.Keys.ToList();
        while (json.Length > MaxInputsLength && keys.Count > 0)
        {
            kept.Remove(keys[^1]);
            keys.RemoveAt(keys.Count - 1);
            kept["truncated"] = $"{inputs.Count - keys.Count} inputs left out for length";
            json = JsonSerializer.Serialize(kept);
        }

        return json.Length <= MaxInputsLength ? json : "{}";
    }

    private async Task LoadAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (_loaded)
        {
            return;
        }

        // After a restart, markets recorded within the interval are not recorded again at once.
        var since = now - options.Value.RecordInterval;
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var recent = await context.Forecasts.AsNoTracking()
            .Where(f => f.DecisionTime > since)
            .Select(f => new { f.Ticker, f.DecisionTime })
            .ToListAsync(ct)
            .ConfigureAwait(false);
        foreach (var row in recent)
        {
            _lastRecorded.AddOrUpdate(row.Ticker, row.DecisionTime, (_, seen) => seen > row.DecisionTime ? seen : row.DecisionTime);
        }

        _loaded = true;
    }
}
