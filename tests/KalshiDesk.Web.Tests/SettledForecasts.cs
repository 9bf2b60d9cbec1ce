using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests;

/// <summary>Stored forecasts of markets that have settled, written straight to the desk's database as the cycle and the scorer would.</summary>
internal static class SettledForecasts
{
    /// <summary>
    /// A forecast made <paramref name="before"/> the close at <paramref name="close"/>, of a market that settled at
    /// <paramref name="settled"/> (scored then), with each model's probability of YES.
    /// </summary>
    public static ForecastEntity Forecast(
        string ticker,
        string category,
        DateTimeOffset close,
        TimeSpan before,
        DateTimeOffset settled,
        double market,
        double pooled,
        double desk,
        bool yesWon,
        params (string Model, double ProbabilityYes)[] models)
    {
        var id = Guid.NewGuid();
        return new ForecastEntity
        {
            Id = id,
            CycleId = Guid.NewGuid(),
            Ticker = ticker,
            EventTicker = ticker[..ticker.LastIndexOf('-')],
            Category = category,
            DecisionTime = close - before,
            CloseTime = close,
            MarketProbabilityYes = market,
            PooledProbabilityYes = pooled,
            ProbabilityYes = desk,
            Recalibrator = "identity",
            YesWon = yesWon,
            SettledAt = settled,
            ScoredAt = settled.AddMinutes(5),
            Models = [.. models.Select(m => new ModelForecastEntity { ForecastId = id, Model = m.Model, ProbabilityYes = m.ProbabilityYes, Confidence = 0.5 })],
        };
    }

    public static async Task SaveAsync(IServiceProvider services, IEnumerable<ForecastEntity> forecasts)
    {
        // Forecasts are the desk's, kept in the main database whichever book is in force.
        await using var context = await services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        context.Forecasts.AddRange(forecasts);
        await context.SaveChangesAsync();
    }
}
