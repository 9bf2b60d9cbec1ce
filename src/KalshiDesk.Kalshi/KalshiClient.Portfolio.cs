using System.Runtime.CompilerServices;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>Cash and portfolio value: <c>GET /portfolio/balance</c> (auth).</summary>
    public async Task<AccountBalance> GetBalanceAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<BalanceDto>("portfolio/balance", ct).ConfigureAwait(false);

        // balance and portfolio_value are integer cents; balance_dollars (added in 3.27.0) is exact when present.
        var available = KalshiJson.ParseMoney(dto.BalanceDollars, "balance_dollars", null)
            ?? KalshiJson.FromCents(dto.Balance ?? throw new KalshiDataException("balance", null, "is missing"), "balance", null, allowNegative: true);
        var portfolio = dto.PortfolioValue is { } cents ? KalshiJson.FromCents(cents, "portfolio_value", null, allowNegative: true) : Money.Zero;
        return new AccountBalance(available, portfolio, dto.UpdatedTs is { } ts ? DateTimeOffset.FromUnixTimeSeconds(ts) : null);
    }

    /// <summary>
    /// Every market and event position, following the cursor to the last page: <c>GET /portfolio/positions</c> (auth).
    /// One call returns the whole set because market and event positions arrive interleaved on the same pages.
    /// </summary>
    public async Task<PortfolioPositions> GetPositionsAsync(string? ticker = null, string? eventTicker = null, CancellationToken ct = default)
    {
        var markets = new List<MarketPosition>();
        var events = new List<EventPosition>();
        var pages = PagesAsync<PositionsPageDto>(
            cursor => Query("portfolio/positions", ("limit", "1000"), ("ticker", ticker), ("event_ticker", eventTicker), ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var p in page.MarketPositions ?? [])
            {
                var market = p.Ticker is { Length: > 0 } t ? t : throw new KalshiDataException("market_positions.ticker", null, "is missing");
                var signed = KalshiJson.ParseSignedCount(p.PositionFp, "position_fp", market);
                markets.Add(new MarketPosition(
                    market,
                    signed switch { > 0m => Side.Yes, < 0m => Side.No, _ => null },
                    Quantity.Of(Math.Abs(signed)),
                    KalshiJson.RequiredNonNegativeMoney(p.MarketExposureDollars, "market_exposure_dollars", market),
                    KalshiJson.RequiredMoney(p.RealizedPnlDollars, "realized_pnl_dollars", market),
                    KalshiJson.RequiredNonNegativeMoney(p.FeesPaidDollars, "fees_paid_dollars", market),
                    KalshiJson.RequiredNonNegativeMoney(p.TotalTradedDollars, "total_traded_dollars", market),
                    p.LastUpdatedTs));
            }

            foreach (var e in page.EventPositions ?? [])
            {
                var evt = e.EventTicker is { Length: > 0 } t ? t : throw new KalshiDataException("event_positions.event_ticker", null, "is missing");
                events.Add(new EventPosition(
                    evt,
                    KalshiJson.RequiredNonNegativeMoney(e.TotalCostDollars, "total_cost_dollars", evt),
                    KalshiJson.RequiredCount(e.TotalCostSharesFp, "total_cost_shares_fp", evt),
                    KalshiJson.RequiredNonNegativeMoney(e.EventExposureDollars, "event_exposure_dollars", evt),
                    KalshiJson.RequiredMoney(e.RealizedPnlDollars, "realized_pnl_dollars", evt),
                    KalshiJson.RequiredNonNegativeMoney(e.FeesPaidDollars, "fees_paid_dollars", evt)));
            }
        }

        return new PortfolioPositions(markets, events);
    }

    /// <summary>The member's orders, page by page: <c>GET /portfolio/orders</c> (auth).</summary>
    public async IAsyncEnumerable<ExchangeOrder> GetOrdersAsync(string? ticker = null, OrderStatus? status = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var wireStatus = status switch
        {
            OrderStatus.Resting => "resting",
            OrderStatus.Canceled => "canceled",
            OrderStatus.Executed => "executed",
            _ => null,
        };
        var pages = PagesAsync<OrdersPageDto>(
            cursor => Query("portfolio/orders", ("limit", "1000"), ("ticker", ticker), ("status", wireStatus), ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var order in page.Orders ?? [])
            {
                yield return KalshiJson.ToOrder(order);
            }
        }
    }

    /// <summary>One order: <c>GET /portfolio/orders/{order_id}</c> (auth, 2 tokens).</summary>
    public async Task<ExchangeOrder> GetOrderAsync(string orderId, CancellationToken ct = default)
    {
        var dto = await GetAsync<OrderEnvelopeDto>($"portfolio/orders/{Segment(orderId, nameof(orderId))}", ct).ConfigureAwait(false);
        return KalshiJson.ToOrder(dto.Order ?? throw new KalshiDataException("order", null, $"missing for {orderId}"));
    }

    /// <summary>The member's fills, page by page: <c>GET /portfolio/fills</c> (auth).</summary>
    /// <param name="from">Fills after this time (sent as Unix seconds).</param>
    /// <param name="to">Fills before this time (sent as Unix seconds).</param>
    public async IAsyncEnumerable<OrderFill> GetFillsAsync(
        string? ticker = null,
        string? orderId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pages = PagesAsync<FillsPageDto>(
            cursor => Query(
                "portfolio/fills",
                ("limit", "1000"),
                ("ticker", ticker),
                ("order_id", orderId),
                ("min_ts", UnixSeconds(from)),
                ("max_ts", UnixSeconds(to)),
                ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var fill in page.Fills ?? [])
            {
                yield return KalshiJson.ToFill(fill);
            }
        }
    }

    /// <summary>The member's settlements, page by page: <c>GET /portfolio/settlements</c> (auth).</summary>
    public async IAsyncEnumerable<Settlement> GetSettlementsAsync(string? ticker = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pages = PagesAsync<SettlementsPageDto>(
            cursor => Query("portfolio/settlements", ("limit", "1000"), ("ticker", ticker), ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var settlement in page.Settlements ?? [])
            {
                yield return KalshiJson.ToSettlement(settlement);
            }
        }
    }
}
