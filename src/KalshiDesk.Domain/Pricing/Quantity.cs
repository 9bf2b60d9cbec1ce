using System.Globalization;

namespace KalshiDesk.Domain.Pricing;

/// <summary>A number of contracts, never negative; Kalshi allows two decimal places where a market trades fractionally.</summary>
public readonly record struct Quantity : IComparable<Quantity>
{
    private Quantity(decimal contracts) => Contracts = contracts;

    /// <summary>The count in contracts.</summary>
    public decimal Contracts { get; }

    public static Quantity Zero => new(0m);

    /// <summary>Creates a quantity, refusing negatives and more than two decimal places.</summary>
    public static Quantity Of(decimal contracts)
    {
        if (contracts < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(contracts), contracts, "A quantity cannot be negative.");
        }

        if (decimal.Round(contracts, 2) != contracts)
        {
            throw new ArgumentOutOfRangeException(nameof(contracts), contracts, "A quantity has at most two decimal places.");
        }

        return new Quantity(contracts);
    }

    /// <summary>Parses Kalshi's fixed-point count string ("10.00").</summary>
    public static Quantity Parse(string text) =>
        Of(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    public bool IsZero => Contracts == 0m;

    public int CompareTo(Quantity other) => Contracts.CompareTo(other.Contracts);

    public static Quantity operator +(Quantity left, Quantity right) => new(left.Contracts + right.Contracts);

    public static Quantity operator -(Quantity left, Quantity right) => Of(left.Contracts - right.Contracts);

    public static bool operator <(Quantity left, Quantity right) => left.Contracts < right.Contracts;

    public static bool operator >(Quantity left, Quantity right) => left.Contracts > right.Contracts;

    public static bool operator <=(Quantity left, Quantity right) => left.Contracts <= right.Contracts;

    public static bool operator >=(Quantity left, Quantity right) => left.Contracts >= right.Contracts;

    public static Quantity Min(Quantity a, Quantity b) => a <= b ? a : b;

    /// <summary>Kalshi's wire format: two decimal places.</summary>
    public override string ToString() => Contracts.ToString("0.00", CultureInfo.InvariantCulture);
}
