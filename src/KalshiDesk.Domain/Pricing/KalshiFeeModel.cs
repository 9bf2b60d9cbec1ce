namespace KalshiDesk.Domain.Pricing;

/// <summary>
/// Kalshi's quadratic trading fee, the one fee model used by edge, sizing, brokers, backtests and the Sandbox.
/// Taker: 0.07 × m × C × P × (1 − P); maker: that times the fee type's maker share (0, ¼ or ½); each order's fee rounded
/// up once, to the cent by default (Kalshi fee schedule) or to $0.0001 (Kalshi's 2026 rounding). There is no fee at
/// settlement; selling a held position is a taker order like any other and pays the taker fee at the sale price.
/// </summary>
public static class KalshiFeeModel
{
    /// <summary>The general taker rate, 0.07 (Kalshi fee schedule).</summary>
    public const decimal TakerRate = 0.07m;

    /// <summary>The unrounded taker fee of one contract at <paramref name="price"/>, in dollars (at most 0.0175·m).</summary>
    public static decimal TakerFeePerContract(Price price, FeeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TakerRate * schedule.Multiplier * price.Dollars * (1m - price.Dollars);
    }

    /// <summary>The unrounded maker fee of one contract, in dollars (0 where the fee type charges makers nothing).</summary>
    public static decimal MakerFeePerContract(Price price, FeeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var share = schedule.MakerShare;
        return share == 0m ? 0m : TakerFeePerContract(price, schedule) * share;
    }

    /// <summary>The unrounded fee of one contract executed at <paramref name="price"/> as <paramref name="liquidity"/>, in dollars.</summary>
    public static decimal FeePerContract(Price price, FeeSchedule schedule, Liquidity liquidity) =>
        liquidity == Liquidity.Taker ? TakerFeePerContract(price, schedule) : MakerFeePerContract(price, schedule);

    /// <summary>The fee of one order of <paramref name="count"/> contracts taking liquidity at <paramref name="price"/>.</summary>
    /// <param name="rounding">Overrides the schedule's rounding; null uses <see cref="FeeSchedule.Rounding"/>.</param>
    public static Money TakerFee(Price price, Quantity count, FeeSchedule schedule, FeeRounding? rounding = null) =>
        Fee(price, count, schedule, Liquidity.Taker, rounding);

    /// <summary>The fee of one order of <paramref name="count"/> contracts whose resting order was filled at <paramref name="price"/>.</summary>
    /// <param name="rounding">Overrides the schedule's rounding; null uses <see cref="FeeSchedule.Rounding"/>.</param>
    public static Money MakerFee(Price price, Quantity count, FeeSchedule schedule, FeeRounding? rounding = null) =>
        Fee(price, count, schedule, Liquidity.Maker, rounding);

    /// <summary>The rounded fee of one order of <paramref name="count"/> contracts executed at <paramref name="price"/>.</summary>
    /// <param name="rounding">Overrides the schedule's rounding; null uses <see cref="FeeSchedule.Rounding"/>.</param>
    public static Money Fee(Price price, Quantity count, FeeSchedule schedule, Liquidity liquidity, FeeRounding? rounding = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return RoundUp(FeePerContract(price, schedule, liquidity) * count.Contracts, rounding ?? schedule.Rounding);
    }

    /// <summary>
    /// The fee of selling <paramref name="count"/> held contracts at <paramref name="salePrice"/> (the price of the side
    /// held, its bid). A sale crosses the spread, so it pays the taker fee; P·(1−P) is the same seen from either side, so
    /// selling YES at x costs what buying NO at 1 − x would.
    /// </summary>
    public static Money ExitFee(Price salePrice, Quantity count, FeeSchedule schedule) =>
        TakerFee(salePrice, count, schedule);

    /// <summary>What selling <paramref name="count"/> held contracts at <paramref name="salePrice"/> brings in: the sale less its taker fee.</summary>
    public static Money ExitProceeds(Price salePrice, Quantity count, FeeSchedule schedule) =>
        new Money(count.Contracts * salePrice.Dollars) - ExitFee(salePrice, count, schedule);

    /// <summary>Rounds an order's raw fee up as Kalshi charges it: to the cent, or to the centi-cent.</summary>
    public static Money RoundUp(decimal rawDollars, FeeRounding rounding)
    {
        var raw = new Money(rawDollars);
        return rounding == FeeRounding.Cent ? raw.CeilingToCent() : raw.CeilingToCentiCent();
    }
}
