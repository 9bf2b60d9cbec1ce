using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>
/// Fractional Kelly for a binary contract: f* = (q − c)/(1 − c) with c the all-in cost (price + fee per contract).
/// Stake = multiplier × f* × equity, capped by the single-trade limit, cash and depth; never a stake on non-positive edge.
/// Against a book the order walks the offers best first, and every contract must earn its place at its own level: its
/// edge there clears the minimum, and the order's outlay through it stays within multiplier × f*(that level's c) × equity.
/// Deeper levels cost more, so both tests only get harder and the contracts that pass are the book's cheapest prefix.
/// </summary>
public static class KellySizer
{
    /// <summary>Full Kelly for probability <paramref name="q"/> and all-in cost <paramref name="allInCost"/>; 0 when the edge is not positive.</summary>
    public static double FullKelly(Probability q, decimal allInCost) => FullKelly(q, (double)allInCost);

    /// <summary>Full Kelly for probability <paramref name="q"/> and an all-in cost already in double precision.</summary>
    public static double FullKelly(Probability q, double allInCost)
    {
        var c = allInCost;
        if (c >= 1d || q.Value <= c)
        {
            return 0d;
        }

        return (q.Value - c) / (1d - c);
    }

    /// <summary>Sizes one side as the request describes: at its price and depth, or walking its ladder.</summary>
    public static SizingResult Size(SizingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Size(
            request.Probability,
            request.Ladder ?? AskLadder.At(request.Price, request.Depth),
            request.Fees,
            request.Liquidity,
            request.KellyMultiplier,
            request.Equity,
            request.MaxOutlay,
            request.Cash,
            request.Fractional,
            request.MinEdge);
    }

    /// <summary>
    /// The largest order whose every contract has edge and Kelly support at its own level, within the single-trade cap
    /// and cash. Pure, and allocation-free apart from the result.
    /// </summary>
    /// <param name="probability">The probability that the side bought wins.</param>
    /// <param name="ladder">The offers, cheapest first (one level at the limit for a maker order, which waits to be filled).</param>
    /// <param name="fees">The market's fees.</param>
    /// <param name="liquidity">Taker or maker: which fee the contracts pay.</param>
    /// <param name="kellyMultiplier">The preset's fraction of full Kelly.</param>
    /// <param name="equity">Account equity in dollars.</param>
    /// <param name="maxOutlay">The most one trade may cost, fee included.</param>
    /// <param name="cash">Cash available.</param>
    /// <param name="fractional">Whether the market accepts fractional contracts (0.01 steps).</param>
    /// <param name="minEdge">The least edge a contract must have at its own level; contracts need positive edge in any case.</param>
    public static SizingResult Size(
        Probability probability,
        AskLadder ladder,
        FeeSchedule fees,
        Liquidity liquidity,
        decimal kellyMultiplier,
        Money equity,
        Money maxOutlay,
        Money cash,
        bool fractional,
        double minEdge = 0d)
    {
        ArgumentNullException.ThrowIfNull(fees);
        var step = fractional ? 0.01m : 1m;
        var hardCap = maxOutlay.Dollars;
        var hardLimit = SizingLimit.MaxSingleTrade;
        if (cash.Dollars < hardCap)
        {
            hardCap = cash.Dollars;
            hardLimit = SizingLimit.Cash;
        }

        var filled = 0m;
        var cost = 0m;
        var rawFee = 0m;
        var topKelly = 0d;
        Price? deepest = null;
        var limitedBy = ladder.IsUnbounded ? SizingLimit.Kelly : SizingLimit.Depth;
        for (var i = 0; i < ladder.Count; i++)
        {
            var level = ladder[i];
            var price = level.Price.Dollars;
            var fee = KalshiFeeModel.FeePerContract(level.Price, fees, liquidity);
            var allIn = price + fee;
            var kelly = price > 0m ? FullKelly(probability, allIn) : 0d;
            if (i == 0)
            {
                topKelly = kelly;
            }

            if (kelly <= 0d || probability.Value - (double)allIn < minEdge)
            {
                limitedBy = i == 0 && kelly <= 0d ? SizingLimit.NoEdge : SizingLimit.Edge;
                break;
            }

            var budget = (decimal)kelly * kellyMultiplier * equity.Dollars;
            var bound = SizingLimit.Kelly;
            if (hardCap < budget)
            {
                budget = hardCap;
                bound = hardLimit;
            }

            var available = ladder.IsUnbounded ? decimal.MaxValue : fractional ? level.Size.Contracts : Math.Floor(level.Size.Contracts);
            var take = MostWithin(budget, cost, rawFee, price, fee, available, step, fees.Rounding);
            if (take > 0m)
            {
                filled += take;
                cost += take * price;
                rawFee += take * fee;
                deepest = level.Price;
            }

            if (take < available)
            {
                limitedBy = bound;
                break;
            }
        }

        if (filled == 0m)
        {
            return topKelly == 0d && limitedBy == SizingLimit.NoEdge
                ? SizingResult.NoEdge
                : new SizingResult(topKelly, Quantity.Zero, Money.Zero, Money.Zero, limitedBy);
        }

        var averageKelly = FullKelly(probability, (cost + rawFee) / filled);
        return new SizingResult(averageKelly, Quantity.Of(filled), new Money(cost), KalshiFeeModel.RoundUp(rawFee, fees.Rounding), limitedBy)
        {
            LimitPrice = deepest,
            UnroundedFee = rawFee,
        };
    }

    /// <summary>The most contracts whose cost plus rounded taker fee fits in <paramref name="budget"/>.</summary>
    public static Quantity ContractsWithin(Money budget, Price price, FeeSchedule fees, bool fractional) =>
        ContractsWithin(budget, price, fees, fractional, Liquidity.Taker);

    /// <summary>The most contracts whose cost plus rounded fee (taker or maker) fits in <paramref name="budget"/>.</summary>
    public static Quantity ContractsWithin(Money budget, Price price, FeeSchedule fees, bool fractional, Liquidity liquidity)
    {
        ArgumentNullException.ThrowIfNull(fees);
        if (budget <= Money.Zero || price.Dollars <= 0m)
        {
            return Quantity.Zero;
        }

        var fee = KalshiFeeModel.FeePerContract(price, fees, liquidity);
        return Quantity.Of(MostWithin(budget.Dollars, 0m, 0m, price.Dollars, fee, decimal.MaxValue, fractional ? 0.01m : 1m, fees.Rounding));
    }

    /// <summary>Builds the result for a given count bought at one price as a taker.</summary>
    public static SizingResult Result(double kelly, Quantity contracts, Price price, FeeSchedule fees, SizingLimit limit) =>
        Result(kelly, contracts, price, fees, limit, Liquidity.Taker);

    /// <summary>Builds the result for a given count bought at one price, taker or maker.</summary>
    public static SizingResult Result(double kelly, Quantity contracts, Price price, FeeSchedule fees, SizingLimit limit, Liquidity liquidity)
    {
        var cost = new Money(contracts.Contracts * price.Dollars);
        if (contracts.IsZero)
        {
            return new SizingResult(kelly, contracts, cost, Money.Zero, limit);
        }

        var rawFee = KalshiFeeModel.FeePerContract(price, fees, liquidity) * contracts.Contracts;
        return new SizingResult(kelly, contracts, cost, KalshiFeeModel.RoundUp(rawFee, fees.Rounding), limit)
        {
            LimitPrice = price,
            UnroundedFee = rawFee,
        };
    }

    /// <summary>
    /// The most contracts, in steps, no more than <paramref name="available"/>, that an order already holding
    /// <paramref name="cost"/> and <paramref name="rawFee"/> can add at <paramref name="price"/> with its outlay (the fee
    /// rounded once for the whole order) within <paramref name="budget"/>.
    /// </summary>
    private static decimal MostWithin(decimal budget, decimal cost, decimal rawFee, decimal price, decimal fee, decimal available, decimal step, FeeRounding rounding)
    {
        var room = budget - cost - rawFee;
        if (room <= 0m)
        {
            return 0m;
        }

        // The unrounded fee bounds the count from above; rounding the order's fee up costs at most one rounding unit more.
        // Counts are in steps (whole contracts, or hundredths): multiplying by 1 or 100 is exact, unlike dividing.
        var allIn = price + fee;
        var perContract = step == 1m ? 1m : 100m;
        var most = Math.Floor(room / allIn * perContract);
        if (available != decimal.MaxValue)
        {
            most = Math.Min(most, Math.Floor(available * perContract));
        }

        if (Fits(most))
        {
            return most * step;
        }

        var unit = rounding == FeeRounding.Cent ? 0.01m : 0.0001m;
        var least = Math.Max(Math.Floor((room - unit) / allIn * perContract), 0m);
        while (most - least > 1m)
        {
            var middle = Math.Floor((least + most) / 2m);
            if (Fits(middle))
            {
                least = middle;
            }
            else
            {
                most = middle;
            }
        }

        return Fits(least) ? least * step : 0m;

        bool Fits(decimal steps)
        {
            var count = steps * step;
            return cost + (count * price) + KalshiFeeModel.RoundUp(rawFee + (count * fee), rounding).Dollars <= budget;
        }
    }
}
