namespace KalshiDesk.Sandbox.Wire;

/// <summary>A band of valid prices and its tick.</summary>
internal sealed record PriceRangeJson(string Start, string End, string Step)
{
    /// <summary><c>linear_cent</c>: every cent from 0 to 1.</summary>
    public static IReadOnlyList<PriceRangeJson> LinearCent { get; } = [new("0.0000", "1.0000", "0.0100")];
}
