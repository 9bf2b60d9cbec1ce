using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>Inputs to size one side of one market.</summary>
/// <param name="Probability">The calibrated probability that the side bought wins.</param>
/// <param name="Price">The price paid per contract (the side's ask).</param>
/// <param name="Fees">The series' fee schedule.</param>
/// <param name="KellyMultiplier">The preset's fraction of full Kelly.</param>
/// <param name="Equity">Account equity in dollars.</param>
/// <param name="MaxOutlay">The most one trade may cost, fee included.</param>
/// <param name="Cash">Cash available.</param>
/// <param name="Depth">Contracts offered at this price or better; null when unknown.</param>
/// <param name="Fractional">Whether the market accepts fractional contracts (0.01 steps).</param>
public sealed record SizingRequest(
    Probability Probability,
    Price Price,
    FeeSchedule Fees,
    decimal KellyMultiplier,
    Money Equity,
    Money MaxOutlay,
    Money Cash,
    Quantity? Depth,
    bool Fractional);
