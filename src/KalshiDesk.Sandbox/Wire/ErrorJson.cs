using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's error, sent wrapped: <c>{"error":{"code","message","details"?,"service"}}</c>.</summary>
internal sealed record ErrorJson(string Code, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Details)
{
    public string Service => "exchange";
}
