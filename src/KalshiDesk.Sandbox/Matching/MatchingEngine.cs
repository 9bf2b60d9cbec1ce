using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>
/// Price-time priority matching for binary books. An order for one outcome takes the other outcome's bids,
/// best first, while 1 − their price is within its limit; each match trades at the resting order's price.
/// </summary>
internal sealed class MatchingEngine(DemoAccount account, SimulatedTraders traders, TradeTape tape)
{
    private long _sequence;
    private long _trades;

    public SimulatedTraders Traders => traders;

    /// <summary>Works out what an order would take, changing nothing.</summary>
    /// <param name="limit">The most the taker pays, in <paramref name="outcome"/>'s dollars.</param>
    /// <param name="eligible">Which resting orders the taker is willing to trade with (all when null).</param>
    public static MatchPlan Plan(
        MarketBook book,
        Trader taker,
        Side outcome,
        Price limit,
        Quantity count,
        FeeSchedule fees,
        SelfTradePrevention selfTradePrevention = SelfTradePrevention.TakerAtCross,
        Func<RestingOrder, bool>? eligible = null)
    {
        var plan = new MatchPlan();
        var remaining = count;
        foreach (var resting in book.BidsFor(Opposite(outcome)))
        {
            var price = resting.Price.Complement;
            if (remaining.IsZero || price > limit)
            {
                break;
            }

            if (eligible is not null && !eligible(resting))
            {
                continue;
            }

            if (taker == Trader.Account && resting.Owner == Trader.Account)
            {
                if (selfTradePrevention == SelfTradePrevention.TakerAtCross)
                {
                    plan.StoppedBySelfTrade = true;
                    break;
                }

                plan.SelfTradeCancels.Add(resting);
                continue;
            }

            var take = Quantity.Min(remaining, resting.Remaining);
            plan.Executions.Add(new Execution(resting, take, price));
            plan.Filled += take;
            plan.Cost += take.Contracts * price.Dollars;
            plan.RawTakerFee += KalshiFeeModel.TakerFeePerContract(price, fees) * take.Contracts;
            remaining -= take;
        }

        return plan;
    }

    /// <summary>Carries out a plan: trades print, resting orders shrink, and both sides of each match are booked.</summary>
    public void Execute(SandboxMarket market, Trader taker, Side takerOutcome, MatchPlan plan, AccountOrder? takerOrder, DateTimeOffset now)
    {
        foreach (var cancelled in plan.SelfTradeCancels)
        {
            market.Book.Remove(cancelled);
            account.Finish(cancelled.AccountOrder!, OrderStatus.Canceled, now);
        }

        foreach (var execution in plan.Executions)
        {
            var resting = execution.Resting;
            resting.Remaining -= execution.Count;
            if (resting.Remaining.IsZero)
            {
                market.Book.Remove(resting);
            }

            var yesPrice = takerOutcome == Side.Yes ? execution.TakerPrice : execution.TakerPrice.Complement;
            Print(market, yesPrice, execution.Count, takerOutcome, now);
            if (resting.AccountOrder is { } makerOrder)
            {
                account.FillAsMaker(makerOrder, execution.Count, now);
            }
            else
            {
                var makerFee = CentsUp(KalshiFeeModel.MakerFeePerContract(resting.Price, market.Fees) * execution.Count.Contracts);
                traders.Buy(resting.Owner, market.Ticker, resting.Outcome, execution.Count.Contracts, resting.Price, makerFee);
            }

            if (takerOrder is not null)
            {
                account.FillAsTaker(takerOrder, execution.Count, execution.TakerPrice, now);
            }
            else
            {
                var takerFee = CentsUp(KalshiFeeModel.TakerFeePerContract(execution.TakerPrice, market.Fees) * execution.Count.Contracts);
                traders.Buy(taker, market.Ticker, takerOutcome, execution.Count.Contracts, execution.TakerPrice, takerFee);
            }
        }
    }

    /// <summary>Puts an order in the book behind everything at its price.</summary>
    public RestingOrder Rest(SandboxMarket market, Trader owner, Side outcome, Price price, Quantity count, AccountOrder? accountOrder = null)
    {
        var order = new RestingOrder
        {
            Sequence = ++_sequence,
            Owner = owner,
            Outcome = outcome,
            Price = price,
            Remaining = count,
            AccountOrder = accountOrder,
        };
        market.Book.Add(order);
        return order;
    }

    /// <summary>A simulated trader's order: takes what crosses (from <paramref name="eligible"/> orders), then rests or drops the rest.</summary>
    /// <returns>The contracts filled.</returns>
    public Quantity Submit(
        SandboxMarket market,
        Trader owner,
        Side outcome,
        Price limit,
        Quantity count,
        bool restRemainder,
        DateTimeOffset now,
        Func<RestingOrder, bool>? eligible = null)
    {
        var plan = Plan(market.Book, owner, outcome, limit, count, market.Fees, eligible: eligible);
        Execute(market, owner, outcome, plan, null, now);
        var left = count - plan.Filled;
        if (restRemainder && !left.IsZero)
        {
            Rest(market, owner, outcome, limit, left);
        }

        return plan.Filled;
    }

    /// <summary>
    /// A trade between two simulated traders away from the book (a block): <paramref name="taker"/> buys
    /// <paramref name="takerOutcome"/> at <paramref name="yesPrice"/>, <paramref name="counterparty"/> the other outcome.
    /// </summary>
    public void Cross(SandboxMarket market, Trader taker, Trader counterparty, Side takerOutcome, Price yesPrice, Quantity count, DateTimeOffset now)
    {
        var takerPrice = takerOutcome == Side.Yes ? yesPrice : yesPrice.Complement;
        var otherPrice = takerPrice.Complement;
        traders.Buy(taker, market.Ticker, takerOutcome, count.Contracts, takerPrice, CentsUp(KalshiFeeModel.TakerFeePerContract(takerPrice, market.Fees) * count.Contracts));
        traders.Buy(counterparty, market.Ticker, Opposite(takerOutcome), count.Contracts, otherPrice, CentsUp(KalshiFeeModel.MakerFeePerContract(otherPrice, market.Fees) * count.Contracts));
        Print(market, yesPrice, count, takerOutcome, now);
    }

    /// <summary>Records a trade on the market and the tape. Trade ids count up from the world's start, so a seed replays to the same ids.</summary>
    public void Print(SandboxMarket market, Price yesPrice, Quantity count, Side takerOutcome, DateTimeOffset now)
    {
        market.RecordTrade(yesPrice, count.Contracts);
        var n = ++_trades;
        var id = new Guid((uint)(n >> 32), (ushort)(n >> 16), (ushort)n, 0x5a, 0x4e, 0x44, 0x42, 0x4f, 0x58, 0x54, 0x52).ToString();
        tape.Add(new Trade(id, market.Ticker, count, yesPrice, takerOutcome, now));
    }

    private static decimal CentsUp(decimal dollars) => new Money(dollars).CeilingToCent().Dollars;

    public static Side Opposite(Side outcome) => outcome == Side.Yes ? Side.No : Side.Yes;
}
