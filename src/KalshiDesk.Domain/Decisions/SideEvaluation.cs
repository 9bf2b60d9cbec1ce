using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Decisions;

/// <summary>One side of a market priced and sized.</summary>
/// <param name="Probability">The probability that this side wins.</param>
/// <param name="Price">The price to buy this side now.</param>
/// <param name="FeePerContract">The unrounded taker fee of one contract at that price.</param>
/// <param name="Edge">Probability − price − fee per contract.</param>
public sealed record SideEvaluation(Side Side, Probability Probability, Price Price, decimal FeePerContract, double Edge, SizingResult Sizing);
