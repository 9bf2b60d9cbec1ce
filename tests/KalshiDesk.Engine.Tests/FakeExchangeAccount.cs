using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Reconciliation;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Tests;

/// <summary>The exchange's record of the account, as a test sets it.</summary>
internal sealed class FakeExchangeAccount : IExchangeAccount
{
    public Money Cash { get; set; } = new(1000m);

    public List<ExchangeOrder> Orders { get; } = [];

    public List<OrderFill> Fills { get; } = [];

    public List<MarketPosition> Positions { get; } = [];

    public List<Settlement> Settlements { get; } = [];

    public Task<Money> GetCashAsync(CancellationToken ct = default) => Task.FromResult(Cash);

    public Task<IReadOnlyList<ExchangeOrder>> GetOrdersAsync(string ticker, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ExchangeOrder>>([.. Orders.Where(o => o.Ticker == ticker)]);

    public Task<IReadOnlyList<OrderFill>> GetFillsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<OrderFill>>([.. Fills]);

    public Task<IReadOnlyList<MarketPosition>> GetPositionsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<MarketPosition>>([.. Positions]);

    public Task<IReadOnlyList<Settlement>> GetSettlementsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Settlement>>([.. Settlements]);

    /// <summary>The exchange's view of a YES buy that filled completely at <paramref name="price"/>.</summary>
    public void Filled(string orderId, string clientOrderId, string ticker, decimal count, decimal price, decimal fee, DateTimeOffset at)
    {
        Orders.Add(new ExchangeOrder(orderId, clientOrderId, ticker, Side.Yes, BookSide.Bid, OrderStatus.Executed, Price.FromDollars(price), Quantity.Of(count), Quantity.Zero, Quantity.Of(count), new Money(count * price), Money.Zero, new Money(fee), Money.Zero, at, at, null, null));
        Fills.Add(new OrderFill("fill-" + orderId, orderId, ticker, Side.Yes, BookSide.Bid, Quantity.Of(count), Price.FromDollars(price), Price.FromDollars(1m - price), true, new Money(fee), at));
        Positions.Add(new MarketPosition(ticker, Side.Yes, Quantity.Of(count), new Money(count * price), Money.Zero, new Money(fee), new Money(count * price), at));
    }
}
