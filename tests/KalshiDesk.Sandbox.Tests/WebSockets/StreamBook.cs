using System.Globalization;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

/// <summary>One market's book rebuilt from <c>orderbook_snapshot</c> and <c>orderbook_delta</c> frames, as a client would.</summary>
internal sealed class StreamBook
{
    private readonly SortedDictionary<decimal, decimal> _yes = [];
    private readonly SortedDictionary<decimal, decimal> _no = [];

    public void Apply(JsonElement frame)
    {
        var msg = frame.Msg();
        if (frame.Type() == "orderbook_snapshot")
        {
            Load(_yes, msg, "yes_dollars_fp");
            Load(_no, msg, "no_dollars_fp");
            return;
        }

        Assert.Equal("orderbook_delta", frame.Type());
        var side = msg.GetProperty("side").GetString() == "yes" ? _yes : _no;
        var price = msg.Number("price_dollars");
        var size = side.GetValueOrDefault(price) + msg.Number("delta_fp");
        Assert.True(size >= 0m, $"a delta took {price} below zero");
        if (size == 0m)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }
    }

    /// <summary>Both sides as REST's <c>orderbook_fp</c> would print them: ascending [price, count] strings.</summary>
    public string Render() => $"yes:{Render(_yes)} no:{Render(_no)}";

    public static string RenderRest(JsonElement orderbookFp) =>
        $"yes:{RenderLevels(orderbookFp.GetProperty("yes_dollars"))} no:{RenderLevels(orderbookFp.GetProperty("no_dollars"))}";

    private static string Render(SortedDictionary<decimal, decimal> side) =>
        string.Join(",", side.Select(l => $"{l.Key.ToString("0.0000", CultureInfo.InvariantCulture)}x{l.Value.ToString("0.00", CultureInfo.InvariantCulture)}"));

    private static string RenderLevels(JsonElement levels) =>
        string.Join(",", levels.EnumerateArray().Select(l => $"{l[0].GetString()}x{l[1].GetString()}"));

    private static void Load(SortedDictionary<decimal, decimal> side, JsonElement msg, string name)
    {
        side.Clear();
        if (!msg.TryGetProperty(name, out var levels))
        {
            return;
        }

        foreach (var level in levels.EnumerateArray())
        {
            side[decimal.Parse(level[0].GetString()!, CultureInfo.InvariantCulture)] = decimal.Parse(level[1].GetString()!, CultureInfo.InvariantCulture);
        }
    }
}
