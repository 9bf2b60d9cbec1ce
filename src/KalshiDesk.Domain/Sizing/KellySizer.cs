using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Sizing;

/// <summary>
/// Fractional Kelly for a binary contract: f* = (q − c)/(1 − c) with c the all-in cost (price + fee per contract).
/// Stake = multiplier × f* × equity, capped by the single-trade limit, cash and depth; never a stake on non-positive edge.
/// </summary>
public static class KellySizer
{
    /// <summary>Full Kelly for probability <paramref name="q"/> and all-in cost <paramref name="allInCost"/>; 0 when the edge is not positive.</summary>
    public static double FullKelly(Probability q, decimal allInCost)
    {
        var c = (double)allInCost;
        if (c >= 1d || q.Value <= c)
        {
            return 0d;
        }

        return (q.Value - c) / (1d - c);
    }

    public static SizingResult Size(SizingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allIn = EdgeModel.AllInCost(request.Price, request.Fees);
        var kelly = FullKelly(request.Probability, allIn);
        if (kelly <= 0d || request.Price.Dollars <= 0m)
        {
            return new SizingResult(0d, Quantity.Zero, Money.Zero, Money.Zero, SizingLimit.NoEdge);
        }

        var stake = new Money((decimal)kelly * request.KellyMultiplier * request.Equity.Dollars);
        var budget = stake;
        var limit = SizingLimit.Kelly;
        if (request.MaxOutlay < budget)
        {
            budget = request.MaxOutlay;
            limit = SizingLimit.MaxSingleTrade;
        }

        if (request.Cash < budget)
        {
            budget = request.Cash;
            limit = SizingLimit.Cash;
        }

        var contracts = ContractsWithin(budget, request.Price, request.Fees, request.Fractional);
        if (request.Depth is { } depth && depth < contracts)
        {
            contracts = request.Fractional ? depth : Quantity.Of(Math.Floor(depth.Contracts));
            limit = SizingLimit.Depth;
        }

        return Result(kelly, contracts, request.Price, request.Fees, limit);
    }

    /// <summary>The most contracts whose cost plus rounded taker fee fits in <paramref name="budget"/>.</summary>
    public static Quantity ContractsWithin(Money budget, Price price, FeeSchedule fees, bool fractional)
    {
        if (budget <= Money.Zero || price.Dollars <= 0m)
        {
            return Quantity.Zero;
        }

        var step = fractional ? 0.01m : 1m;
        var allIn = EdgeModel.AllInCost(price, fees);

        // The unrounded all-in cost bounds the count from above; rounding the fee up can only take contracts away.
        var count = Math.Floor(budget.Dollars / allIn / step) * step;
        while (count > 0m && Outlay(count, price, fees) > budget)
        {
            count -= step;
        }

        return Quantity.Of(Math.Max(count, 0m));
    }

    /// <summary>Builds the result for a given count.</summary>
    public static SizingResult Result(double kelly, Quantity contracts, Price price, FeeSchedule fees, SizingLimit limit)
    {
        var cost = new Money(contracts.Contracts * price.Dollars);
        var fee = contracts.IsZero ? Money.Zero : KalshiFeeModel.TakerFee(price, contracts, fees);
        return new SizingResult(kelly, contracts, cost, fee, limit);
    }

    private static Money Outlay(decimal count, Price price, FeeSchedule fees) =>
        new Money(count * price.Dollars) + KalshiFeeModel.TakerFee(price, Quantity.Of(count), fees);
}
