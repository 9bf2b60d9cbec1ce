using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>Kalshi's wire conventions: snake_case, dollars as 4-dp strings, counts as 2-dp strings, RFC 3339 UTC times.</summary>
internal static class SandboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

        // Kalshi sends "°F" and "&" as they are, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"0.5600".</summary>
    public static string Dollars(Price price) => price.ToString();

    /// <summary>"10000.0000".</summary>
    public static string Dollars(decimal dollars) => dollars.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>"10.00".</summary>
    public static string Count(Quantity count) => count.ToString();

    /// <summary>"10.00", signed where a position is short (NO).</summary>
    public static string Count(decimal contracts) => contracts.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-24T04:59:00Z", with fractional seconds only when there are any.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public static long UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
