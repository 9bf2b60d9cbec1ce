using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Api;

/// <summary>The filters of <c>GET /markets</c> (and <c>GET /events</c>); null means "any".</summary>
internal sealed record MarketFilter(
    IReadOnlySet<MarketStatus>? Statuses = null,
    IReadOnlySet<string>? EventTickers = null,
    string? SeriesTicker = null,
    IReadOnlySet<string>? Tickers = null)
{
    public bool Matches(SandboxMarket market) =>
        (Statuses is null || Statuses.Contains(market.Status)) &&
        (EventTickers is null || EventTickers.Contains(market.Event.EventTicker)) &&
        (SeriesTicker is null || market.Series.Ticker == SeriesTicker) &&
        (Tickers is null || Tickers.Contains(market.Ticker));

    /// <summary>
    /// The <c>status</c> filter speaks a different vocabulary from the market's <c>status</c> field
    /// (Kalshi docs, market lifecycle): unopened, open, paused, closed, settled.
    /// </summary>
    public static IReadOnlySet<MarketStatus>? StatusesFor(string filter) => filter switch
    {
        "unopened" => new HashSet<MarketStatus> { MarketStatus.Initialized },
        "open" => new HashSet<MarketStatus> { MarketStatus.Active },
        "paused" => new HashSet<MarketStatus> { MarketStatus.Inactive },
        "closed" => new HashSet<MarketStatus> { MarketStatus.Closed, MarketStatus.Determined, MarketStatus.Disputed, MarketStatus.Amended },
        "settled" => new HashSet<MarketStatus> { MarketStatus.Finalized },
        _ => null,
    };
}
