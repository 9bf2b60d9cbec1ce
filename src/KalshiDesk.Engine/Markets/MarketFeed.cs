using System.Net;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Markets;

/// <summary>Snapshots of every open market, with each series' category and fee schedule attached.</summary>
public sealed class MarketFeed(IKalshiClient client, SeriesCache series)
{
    public async Task<IReadOnlyList<MarketSnapshot>> GetOpenMarketsAsync(CancellationToken ct = default)
    {
        var markets = new List<MarketSnapshot>();
        await foreach (var market in client.GetMarketsAsync(new MarketQuery("open"), ct).ConfigureAwait(false))
        {
            markets.Add(market);
        }

        var result = new List<MarketSnapshot>(markets.Count);
        foreach (var market in markets)
        {
            var info = await SeriesAsync(market.SeriesTicker, ct).ConfigureAwait(false);
            result.Add(market with { Category = info.Category, Fees = info.Fees });
        }

        return result;
    }

    /// <summary>One market now, with its series' category and fees.</summary>
    public async Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        var market = await client.GetMarketAsync(ticker, ct).ConfigureAwait(false);
        var info = await SeriesAsync(market.SeriesTicker, ct).ConfigureAwait(false);
        return market with { Category = info.Category, Fees = info.Fees };
    }

    private async Task<SeriesInfo> SeriesAsync(string ticker, CancellationToken ct)
    {
        if (series.TryGet(ticker, out var cached))
        {
            return cached;
        }

        SeriesInfo info;
        try
        {
            info = await client.GetSeriesAsync(ticker, ct).ConfigureAwait(false);
        }
        catch (KalshiApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // An unknown series trades under the general schedule (fee_type quadratic, multiplier 1).
            info = new SeriesInfo(ticker, ticker, string.Empty, FeeSchedule.Standard);
        }

        series.Set(info);
        return info;
    }
}
