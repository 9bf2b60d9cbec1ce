using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Reconciliation;

/// <summary>The account as the exchange records it: what reconciliation compares the ledger with.</summary>
public interface IExchangeAccount
{
    /// <summary>Cash available, in dollars.</summary>
    Task<Money> GetCashAsync(CancellationToken ct = default);

    Task<IReadOnlyList<ExchangeOrder>> GetOrdersAsync(string ticker, CancellationToken ct = default);

    Task<IReadOnlyList<OrderFill>> GetFillsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<MarketPosition>> GetPositionsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Settlement>> GetSettlementsAsync(CancellationToken ct = default);
}
