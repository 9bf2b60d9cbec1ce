using System.Globalization;

namespace KalshiDesk.Domain.Pricing;

/// <summary>An amount of money in dollars (may be negative: losses, debits).</summary>
public readonly record struct Money(decimal Dollars) : IComparable<Money>
{
    public static Money Zero => new(0m);

    public static Money FromCents(long cents) => new(cents / 100m);

    /// <summary>Rounds up to the next cent (Kalshi's conservative fee rounding).</summary>
    public Money CeilingToCent() => new(Math.Ceiling(Dollars * 100m) / 100m);

    /// <summary>Rounds up to the next $0.0001 (Kalshi's 2026 fee rounding).</summary>
    public Money CeilingToCentiCent() => new(Math.Ceiling(Dollars * 10_000m) / 10_000m);

    public int CompareTo(Money other) => Dollars.CompareTo(other.Dollars);

    public static Money operator +(Money left, Money right) => new(left.Dollars + right.Dollars);

    public static Money operator -(Money left, Money right) => new(left.Dollars - right.Dollars);

    public static Money operator -(Money value) => new(-value.Dollars);

    public static Money operator *(Money left, decimal right) => new(left.Dollars * right);

    public static bool operator <(Money left, Money right) => left.Dollars < right.Dollars;

    public static bool operator >(Money left, Money right) => left.Dollars > right.Dollars;

    public static bool operator <=(Money left, Money right) => left.Dollars <= right.Dollars;

    public static bool operator >=(Money left, Money right) => left.Dollars >= right.Dollars;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public override string ToString() => Dollars.ToString("0.00##", CultureInfo.InvariantCulture);
}
