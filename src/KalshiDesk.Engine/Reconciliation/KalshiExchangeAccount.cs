using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Reconciliation;

/// <summary>The account read from Kalshi's portfolio endpoints.</summary>
public sealed class KalshiExchangeAccount(KalshiClient client) : IExchangeAccount
{
    public async Task<Money> GetCashAsync(CancellationToken ct = default) =>
        (await client.GetBalanceAsync(ct).ConfigureAwait(false)).Available;

    public async Task<IReadOnlyList<ExchangeOrder>> GetOrdersAsync(string ticker, CancellationToken ct = default) =>
        await Collect(client.GetOrdersAsync(ticker, null, ct)).ConfigureAwait(false);

    public async Task<IReadOnlyList<OrderFill>> GetFillsAsync(CancellationToken ct = default) =>
        await Collect(client.GetFillsAsync(ct: ct)).ConfigureAwait(false);

    public async Task<IReadOnlyList<MarketPosition>> GetPositionsAsync(CancellationToken ct = default) =>
        (await client.GetPositionsAsync(ct: ct).ConfigureAwait(false)).Markets;

    public async Task<IReadOnlyList<Settlement>> GetSettlementsAsync(CancellationToken ct = default) =>
        await Collect(client.GetSettlementsAsync(ct: ct)).ConfigureAwait(false);

    private static async Task<IReadOnlyList<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
