using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>
/// The one account the Sandbox trades for: cash, positions, orders and fills. Resting orders hold their cost and
/// their largest possible maker fee back from the cash, so no fill can ever take the cash below zero.
/// </summary>
internal sealed class DemoAccount(decimal openingCash, DateTimeOffset openedAt)
{
    private readonly Dictionary<string, AccountPosition> _positions = new(StringComparer.Ordinal);
    private readonly List<AccountOrder> _orders = [];
    private readonly Dictionary<string, AccountOrder> _ordersById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clientOrderIds = new(StringComparer.Ordinal);
    private readonly List<AccountOrder> _resting = [];
    private readonly List<AccountFill> _fills = [];
    private readonly List<AccountSettlement> _settlements = [];

    /// <summary>Cash available to trade, in dollars (Kalshi's <c>balance</c>): excludes what resting orders hold.</summary>
    public decimal Cash { get; private set; } = openingCash;

    public DateTimeOffset UpdatedAt { get; private set; } = openedAt;

    /// <summary>Orders, oldest first.</summary>
    public IReadOnlyList<AccountOrder> Orders => _orders;

    /// <summary>Fills, oldest first.</summary>
    public IReadOnlyList<AccountFill> Fills => _fills;

    public IReadOnlyList<AccountOrder> RestingOrders => _resting;

    /// <summary>Settlements, oldest first.</summary>
    public IReadOnlyList<AccountSettlement> Settlements => _settlements;

    /// <summary>Fees paid on every fill so far (they left the cash for the exchange).</summary>
    public decimal FeesPaid { get; private set; }

    public IEnumerable<AccountPosition> Positions => _positions.Values;

    public bool HasClientOrderId(string clientOrderId) => _clientOrderIds.Contains(clientOrderId);

    public AccountOrder? FindOrder(string orderId) => _ordersById.GetValueOrDefault(orderId);

    public AccountPosition? FindPosition(string ticker) => _positions.GetValueOrDefault(ticker);

    public decimal OppositeHolding(SandboxMarket market, Side outcome) =>
        _positions.TryGetValue(market.Ticker, out var position) ? position.OppositeOf(outcome) : 0m;

    public void Register(AccountOrder order)
    {
        _orders.Add(order);
        _ordersById.Add(order.OrderId, order);
        if (order.ClientOrderId.Length > 0)
        {
            _clientOrderIds.Add(order.ClientOrderId);
        }
    }

    /// <summary>The order took <paramref name="count"/> contracts at <paramref name="price"/> (the bought outcome's dollars).</summary>
    public void FillAsTaker(AccountOrder order, Quantity count, Price price, DateTimeOffset now)
    {
        var cost = count.Contracts * price.Dollars;
        order.TakerFillCost += cost;
        order.TakerRawFee += KalshiFeeModel.TakerFeePerContract(price, order.Market.Fees) * count.Contracts;
        var fee = CeilingToCent(order.TakerRawFee) - order.TakerFees;
        order.TakerFees += fee;
        order.FillCount += count;
        Cash -= cost + fee;
        Book(order, count, price, fee, isTaker: true, now);
    }

    /// <summary>The resting order was hit for <paramref name="count"/> contracts at its own price; paid from its reserve.</summary>
    public void FillAsMaker(AccountOrder order, Quantity count, DateTimeOffset now)
    {
        var price = order.OutcomePrice;
        var cost = count.Contracts * price.Dollars;
        order.ReservedCost -= cost;
        order.MakerFillCost += cost;
        order.MakerRawFee += KalshiFeeModel.MakerFeePerContract(price, order.Market.Fees) * count.Contracts;
        var fee = CeilingToCent(order.MakerRawFee) - order.MakerFees;
        order.MakerFees += fee;
        order.ReservedFee -= fee;
        order.FillCount += count;
        order.RemainingCount -= count;
        Book(order, count, price, fee, isTaker: false, now);
        if (order.RemainingCount.IsZero)
        {
            Finish(order, OrderStatus.Executed, now);
        }
    }

    /// <summary>Puts the order's remainder in the book's care: holds its cost and its largest maker fee back from the cash.</summary>
    public void Reserve(AccountOrder order, DateTimeOffset now)
    {
        var price = order.OutcomePrice;
        order.ReservedCost = order.RemainingCount.Contracts * price.Dollars;
        order.ReservedFee = KalshiFeeModel.MakerFee(price, order.RemainingCount, order.Market.Fees).Dollars;
        Cash -= order.ReservedCost + order.ReservedFee;
        order.Status = OrderStatus.Resting;
        _resting.Add(order);
        Touch(now);
    }

    /// <summary>Ends the order (cancelled, expired, or fully filled) and returns whatever it still held.</summary>
    public void Finish(AccountOrder order, OrderStatus status, DateTimeOffset now)
    {
        Cash += order.ReservedCost + order.ReservedFee;
        order.ReservedCost = 0m;
        order.ReservedFee = 0m;
        if (status == OrderStatus.Canceled)
        {
            order.RemainingCount = Quantity.Zero;
        }

        order.Status = status;
        order.LastUpdateTime = now;
        order.Resting = null;
        _resting.Remove(order);
        Touch(now);
    }

    /// <summary>
    /// Settles the account's position in <paramref name="market"/>: $1 a winning contract into the cash, the position
    /// closed and its P&amp;L realised. A market the account never traded leaves no settlement.
    /// </summary>
    public AccountSettlement? Settle(SandboxMarket market, bool yesWon, DateTimeOffset now)
    {
        if (!_positions.TryGetValue(market.Ticker, out var position) || (position.Contracts == 0m && position.TotalTraded == 0m))
        {
            return null;
        }

        var yes = Math.Max(0m, position.Contracts);
        var no = Math.Max(0m, -position.Contracts);
        var cost = position.Exposure;
        var revenue = position.Settle(yesWon, now);
        Cash += revenue;
        var settlement = new AccountSettlement(market, yesWon, yes, yes > 0m ? cost : 0m, no, no > 0m ? cost : 0m, revenue, position.FeesPaid, now);
        _settlements.Add(settlement);
        Touch(now);
        return settlement;
    }

    private void Book(AccountOrder order, Quantity count, Price price, decimal fee, bool isTaker, DateTimeOffset now)
    {
        var market = order.Market;
        if (!_positions.TryGetValue(market.Ticker, out var position))
        {
            position = new AccountPosition(market, now);
            _positions.Add(market.Ticker, position);
        }

        // A YES+NO pair is worth exactly $1, so netting pays out at once.
        Cash += position.Buy(order.Outcome, count.Contracts, price);
        position.FeesPaid += fee;
        FeesPaid += fee;
        position.LastUpdated = now;
        order.LastUpdateTime = now;
        var yesPrice = order.Outcome == Side.Yes ? price : price.Complement;
        _fills.Add(new AccountFill(Guid.NewGuid().ToString(), order.OrderId, market, order.Outcome, count, yesPrice, isTaker, fee, now));
        Touch(now);
    }

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static decimal CeilingToCent(decimal dollars) => new Money(dollars).CeilingToCent().Dollars;
}
