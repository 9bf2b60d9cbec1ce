namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>A settled market scored in a walk-forward test, and the forecast the earlier history gave it.</summary>
/// <param name="Market">The settled row, outcome included.</param>
/// <param name="Forecast">The forecast made from the learning part only.</param>
public sealed record ScoredForecast(SettledMarketRow Market, MarketForecast Forecast);
