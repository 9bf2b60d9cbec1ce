using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The member's cash and positions value.</summary>
/// <param name="Available">Cash available for trading, in dollars.</param>
/// <param name="PortfolioValue">Current value of all positions, in dollars.</param>
public sealed record AccountBalance(Money Available, Money PortfolioValue, DateTimeOffset? UpdatedAt);
