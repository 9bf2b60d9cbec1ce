using KalshiDesk.Domain.Proposals;

namespace KalshiDesk.Data.Entities;

/// <summary>A trade the desk proposes, waiting for a person's decision.</summary>
public sealed class ProposalEntity
{
    public Guid Id { get; set; }
    public Guid CycleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required string Ticker { get; set; }
    public required string EventTicker { get; set; }
    public required string Title { get; set; }
    public string Category { get; set; } = string.Empty;

    /// <summary>"yes" or "no": the side bought.</summary>
    public required string Side { get; set; }

    /// <summary>The calibrated probability of YES.</summary>
    public double ProbabilityYes { get; set; }

    /// <summary>The market's own implied probability of YES (the quote mid) when the proposal was made.</summary>
    public double? MarketProbabilityYes { get; set; }

    /// <summary>Limit price of the side bought, in dollars: the deepest level a taker order takes, or the bid a maker order rests at.</summary>
    public decimal Price { get; set; }

    /// <summary>"taker" (cross now) or "maker" (rest at the side's best bid with the maker fee).</summary>
    public string Route { get; set; } = "taker";

    /// <summary>The chance the order fills: 1 for a taker order, the fill model's estimate for a resting one.</summary>
    public double FillProbability { get; set; } = 1d;

    public decimal Contracts { get; set; }
    public decimal Cost { get; set; }
    public decimal Fee { get; set; }
    public decimal FeePerContract { get; set; }
    public double Edge { get; set; }
    public double KellyFraction { get; set; }
    public string Preset { get; set; } = string.Empty;

    /// <summary>Gates passed, separated by '|'.</summary>
    public string GatesPassed { get; set; } = string.Empty;

    /// <summary>Why the risk gate shrank the trade, if it did.</summary>
    public string? RiskNotes { get; set; }

    /// <summary>Each model's estimate as JSON: {"market-implied":0.61}.</summary>
    public string ModelEstimates { get; set; } = "{}";

    public ProposalStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Reason { get; set; }

    /// <summary>The idempotency key sent with the order, derived from the proposal id.</summary>
    public required string ClientOrderId { get; set; }
}
