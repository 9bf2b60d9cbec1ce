namespace KalshiDesk.Kalshi;

/// <summary>Filters of <c>GET /markets</c>.</summary>
/// <param name="Status">unopened, open, paused, closed or settled.</param>
/// <param name="PageSize">Markets per page, 1–1000.</param>
public sealed record MarketQuery(string? Status = "open", string? EventTicker = null, string? SeriesTicker = null, int PageSize = 1000);
