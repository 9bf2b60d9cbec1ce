using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>The forecast for one open market.</summary>
/// <param name="Ticker">The market's ticker.</param>
/// <param name="Price">Its YES price in dollars, as read.</param>
/// <param name="Probability">The blended, calibrated probability that YES wins (0–1).</param>
/// <param name="Disagreement">Standard deviation of the models' logits (log-odds units), for the sit-out rule.</param>
/// <param name="Models">Each model's probability, in <see cref="OfflineModels.All"/> order.</param>
public sealed record MarketForecast(string Ticker, decimal Price, Probability Probability, double Disagreement, IReadOnlyList<ModelForecast> Models);
