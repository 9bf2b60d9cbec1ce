using System.Globalization;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests;

/// <summary>Reads Kalshi's fixed-point strings in tests.</summary>
internal static class KalshiWire
{
    public static decimal Dollars(this JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>The price-level pairs of one side of an <c>orderbook_fp</c>.</summary>
    public static List<(decimal Price, decimal Size)> Levels(this JsonElement orderbook, string side) =>
        [.. orderbook.GetProperty(side).EnumerateArray().Select(level => (
            decimal.Parse(level[0].GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(level[1].GetString()!, CultureInfo.InvariantCulture)))];

    public static void AssertError(JsonElement body, string code, string? mentions = null)
    {
        var error = body.GetProperty("error");
        Assert.Equal(code, error.Text("code"));
        var message = error.Text("message");
        Assert.False(string.IsNullOrWhiteSpace(message));
        if (mentions is not null)
        {
            Assert.Contains(mentions, message, StringComparison.Ordinal);
        }
    }
}
