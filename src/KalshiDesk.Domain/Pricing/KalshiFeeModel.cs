namespace KalshiDesk.Domain.Pricing;

/// <summary>
/// Kalshi's quadratic trading fee, the one fee model used by edge, sizing, brokers, backtests and the Sandbox.
/// Taker: 0.07 × m × C × P × (1 − P); maker: that times the fee type's maker share; rounded up per order.
/// </summary>
public static class KalshiFeeModel
{
    /// <summary>The general taker rate, 0.07 (Kalshi fee schedule).</summary>
    public const decimal TakerRate = 0.07m;

    /// <summary>The unrounded taker fee of one contract at <paramref name="price"/>, in dollars.</summary>
    public static decimal TakerFeePerContract(Price price, FeeSchedule schedule) =>
        TakerRate * schedule.Multiplier * price.Dollars * (1m - price.Dollars);

    /// <summary>The unrounded maker fee of one contract, in dollars (0 where the series charges makers nothing).</summary>
    public static decimal MakerFeePerContract(Price price, FeeSchedule schedule) =>
        TakerFeePerContract(price, schedule) * schedule.MakerShare;

    /// <summary>The fee of one order of <paramref name="count"/> contracts taking liquidity at <paramref name="price"/>.</summary>
    public static Money TakerFee(Price price, Quantity count, FeeSchedule schedule, FeeRounding rounding = FeeRounding.Cent) =>
        Round(new Money(TakerFeePerContract(price, schedule) * count.Contracts), rounding);

    /// <summary>The fee of one order of <paramref name="count"/> contracts whose resting order was filled at <paramref name="price"/>.</summary>
    public static Money MakerFee(Price price, Quantity count, FeeSchedule schedule, FeeRounding rounding = FeeRounding.Cent) =>
        Round(new Money(MakerFeePerContract(price, schedule) * count.Contracts), rounding);

    private static Money Round(Money raw, FeeRounding rounding) =>
        rounding == FeeRounding.Cent ? raw.CeilingToCent() : raw.CeilingToCentiCent();
}
