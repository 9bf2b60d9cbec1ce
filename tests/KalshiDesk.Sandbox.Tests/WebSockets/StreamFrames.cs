using System.Globalization;
using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.WebSockets;

/// <summary>Reads the envelope of a stream frame.</summary>
internal static class StreamFrames
{
    public static string? Type(this JsonElement frame) => frame.TryGetProperty("type", out var type) ? type.GetString() : null;

    public static int? Id(this JsonElement frame) => frame.TryGetProperty("id", out var id) ? id.GetInt32() : null;

    public static long? Sid(this JsonElement frame) => frame.TryGetProperty("sid", out var sid) ? sid.GetInt64() : null;

    public static long? Seq(this JsonElement frame) => frame.TryGetProperty("seq", out var seq) ? seq.GetInt64() : null;

    public static JsonElement Msg(this JsonElement frame) => frame.GetProperty("msg");

    public static decimal Number(this JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
