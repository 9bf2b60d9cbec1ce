using System.Text.Json;
using KalshiDesk.Data.Entities;

namespace KalshiDesk.Engine.Proposals;

/// <summary>A proposal as the dashboard and API show it. Prices and money in dollars, probabilities 0–1.</summary>
public sealed record ProposalView(
    Guid Id,
    string Ticker,
    string EventTicker,
    string Title,
    string Category,
    string Side,
    double ProbabilityYes,
    double? MarketProbabilityYes,
    decimal Price,
    decimal Contracts,
    decimal Cost,
    decimal Fee,
    decimal FeePerContract,
    double Edge,
    double KellyFraction,
    string Preset,
    IReadOnlyList<string> GatesPassed,
    string? RiskNotes,
    IReadOnlyDictionary<string, double> ModelEstimates,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason)
{
    /// <summary>"taker" (cross now) or "maker" (rest at the side's best bid; <see cref="Price"/> is that bid).</summary>
    public string Route { get; init; } = "taker";

    /// <summary>The chance the order fills: 1 for a taker order, the fill model's estimate for a resting bid.</summary>
    public double FillProbability { get; init; } = 1d;

    public static ProposalView From(ProposalEntity p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProposalView(
            p.Id,
            p.Ticker,
            p.EventTicker,
            p.Title,
            p.Category,
            p.Side,
            p.ProbabilityYes,
            p.MarketProbabilityYes,
            p.Price,
            p.Contracts,
            p.Cost,
            p.Fee,
            p.FeePerContract,
            p.Edge,
            p.KellyFraction,
            p.Preset,
            p.GatesPassed.Split('|', StringSplitOptions.RemoveEmptyEntries),
            p.RiskNotes,
            JsonSerializer.Deserialize<Dictionary<string, double>>(p.ModelEstimates) ?? [],
            p.Status.ToString().ToLowerInvariant(),
            p.CreatedAt,
            p.ExpiresAt,
            p.DecidedAt,
            p.DecidedBy,
            p.Reason)
        {
            Route = p.Route,
            FillProbability = p.FillProbability,
        };
    }
}
