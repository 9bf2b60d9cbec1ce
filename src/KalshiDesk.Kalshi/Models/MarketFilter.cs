namespace KalshiDesk.Kalshi.Models;

/// <summary>
/// Every filter of <c>GET /markets</c>. Kalshi allows one timestamp family at a time (created, close or settled;
/// <c>min_updated_ts</c> only with <c>mve_filter=exclude</c>); the client refuses a mix before sending it.
/// </summary>
/// <param name="Status">unopened, open, paused, closed or settled; null for any.</param>
/// <param name="Tickers">Specific market tickers (sent comma-separated).</param>
/// <param name="PageSize">Markets per page, 1–1000.</param>
public sealed record MarketFilter(
    string? Status = null,
    string? EventTicker = null,
    string? SeriesTicker = null,
    IReadOnlyList<string>? Tickers = null,
    DateTimeOffset? MinCloseTime = null,
    DateTimeOffset? MaxCloseTime = null,
    DateTimeOffset? MinCreatedTime = null,
    DateTimeOffset? MaxCreatedTime = null,
    DateTimeOffset? MinSettledTime = null,
    DateTimeOffset? MaxSettledTime = null,
    DateTimeOffset? MinUpdatedTime = null,
    MultivariateFilter? Multivariate = null,
    int PageSize = 1000);
