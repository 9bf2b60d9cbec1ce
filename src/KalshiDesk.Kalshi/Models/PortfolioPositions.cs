namespace KalshiDesk.Kalshi.Models;

/// <summary>Every market and event position, gathered across all pages of <c>GET /portfolio/positions</c>.</summary>
public sealed record PortfolioPositions(IReadOnlyList<MarketPosition> Markets, IReadOnlyList<EventPosition> Events);
