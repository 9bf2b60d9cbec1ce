using System.Globalization;

namespace KalshiDesk.Domain.Pricing;

/// <summary>A contract price in dollars, from 0 to 1 inclusive (a YES contract pays $1).</summary>
public readonly record struct Price : IComparable<Price>
{
    private Price(decimal dollars) => Dollars = dollars;

    /// <summary>The price in dollars (0–1).</summary>
    public decimal Dollars { get; }

    public static Price Zero => new(0m);

    public static Price One => new(1m);

    /// <summary>Creates a price, refusing anything outside 0–1 dollars.</summary>
    public static Price FromDollars(decimal dollars)
    {
        if (dollars is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(dollars), dollars, "A price must be between 0 and 1 dollars.");
        }

        return new Price(dollars);
    }

    /// <summary>Parses Kalshi's fixed-point dollar string ("0.5600").</summary>
    public static Price Parse(string text) =>
        FromDollars(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    /// <summary>The other side's price: a YES bid at x is a NO ask at 1 − x.</summary>
    public Price Complement => new(1m - Dollars);

    public double AsDouble => (double)Dollars;

    public int CompareTo(Price other) => Dollars.CompareTo(other.Dollars);

    public static bool operator <(Price left, Price right) => left.Dollars < right.Dollars;

    public static bool operator >(Price left, Price right) => left.Dollars > right.Dollars;

    public static bool operator <=(Price left, Price right) => left.Dollars <= right.Dollars;

    public static bool operator >=(Price left, Price right) => left.Dollars >= right.Dollars;

    /// <summary>Kalshi's wire format: four decimal places.</summary>
    public override string ToString() => Dollars.ToString("0.0000", CultureInfo.InvariantCulture);
}
