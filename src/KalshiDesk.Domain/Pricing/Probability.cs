namespace KalshiDesk.Domain.Pricing;

/// <summary>A probability from 0 to 1; NaN and values outside the range are refused.</summary>
public readonly record struct Probability
{
    private Probability(double value) => Value = value;

    /// <summary>The probability (0–1).</summary>
    public double Value { get; }

    public static Probability Of(double value)
    {
        if (double.IsNaN(value) || value is < 0d or > 1d)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A probability must be a number between 0 and 1.");
        }

        return new Probability(value);
    }

    /// <summary>The probability of the other outcome.</summary>
    public Probability Complement => new(1d - Value);

    /// <summary>The probability of the given side of a binary market.</summary>
    public Probability For(Side side) => side == Side.Yes ? this : Complement;

    public override string ToString() => Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
