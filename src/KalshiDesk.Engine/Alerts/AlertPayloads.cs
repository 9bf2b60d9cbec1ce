using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace KalshiDesk.Engine.Alerts;

/// <summary>The JSON bodies the destinations take. Every string passes <see cref="AlertSecrets.Scrub"/> on the way out.</summary>
public static class AlertPayloads
{
    // Discord's execute-webhook limits (https://discord.com/developers/docs/resources/webhook#execute-webhook):
    // content 2000 characters; an embed's title 256, description 4096, 25 fields of name 256 and value 1024.
    private const int ContentLimit = 2000;
    private const int TitleLimit = 256;
    private const int DescriptionLimit = 4096;
    private const int FieldLimit = 25;
    private const int FieldNameLimit = 256;
    private const int FieldValueLimit = 1024;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// Discord's execute-webhook body: <c>{"content", "embeds": [{title, description, url, color, timestamp, fields}]}</c>,
    /// with mentions switched off so a market's title cannot ping a channel.
    /// </summary>
    public static string Discord(Alert alert, AlertSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(secrets);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            var content = alert.Url is { } link ? $"**{alert.Title}**\n{link.AbsoluteUri}" : $"**{alert.Title}**";
            json.WriteString("content", Clip(secrets.Scrub(content), ContentLimit));
            json.WriteStartArray("embeds");
            json.WriteStartObject();
            json.WriteString("title", Clip(secrets.Scrub(alert.Title), TitleLimit));
            json.WriteString("description", Clip(secrets.Scrub(alert.Text), DescriptionLimit));
            if (alert.Url is { } url)
            {
                json.WriteString("url", secrets.Scrub(url.AbsoluteUri));
            }

            json.WriteNumber("color", Colour(alert));
            json.WriteString("timestamp", alert.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteStartArray("fields");
            foreach (var field in alert.Fields.Take(FieldLimit))
            {
                json.WriteStartObject();
                json.WriteString("name", Clip(secrets.Scrub(field.Name), FieldNameLimit));
                json.WriteString("value", Clip(secrets.Scrub(field.Value.Length == 0 ? "–" : field.Value), FieldValueLimit));
                json.WriteBoolean("inline", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("footer");
            json.WriteString("text", "KalshiDesk");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("allowed_mentions");
            json.WriteStartArray("parse");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The generic webhook's body: <c>{"kind", "title", "text", "url", "at", ...data}</c>.</summary>
    public static string Webhook(Alert alert, AlertSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(secrets);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("kind", alert.KindName);
            json.WriteString("title", secrets.Scrub(alert.Title));
            json.WriteString("text", secrets.Scrub(alert.Text));
            if (alert.Url is { } url)
            {
                json.WriteString("url", secrets.Scrub(url.AbsoluteUri));
            }
            else
            {
                json.WriteNull("url");
            }

            json.WriteString("at", alert.At);
            foreach (var (key, value) in alert.Data)
            {
                if (key is "kind" or "title" or "text" or "url" or "at")
                {
                    continue;
                }

                json.WritePropertyName(key);
                WriteValue(json, value, secrets);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? value, AlertSecrets secrets)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(secrets.Scrub(text));
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case double:
                json.WriteNullValue();
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case Guid id:
                json.WriteStringValue(id);
                break;
            case DateTimeOffset at:
                json.WriteStringValue(at);
                break;
            case DateOnly day:
                json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(secrets.Scrub(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    /// <summary>The embed's stripe: blue proposal, green fill or resume, red halt, amber sit-out or reducing, slate summary, violet test.</summary>
    private static int Colour(Alert alert) => alert.Kind switch
    {
        AlertKind.Proposal => 0x3B82F6,
        AlertKind.Fill => 0x22C55E,
        AlertKind.Breaker => alert.Data.TryGetValue("state", out var state) && state is string s && s != "halted" ? s == "active" ? 0x22C55E : 0xF59E0B : 0xEF4444,
        AlertKind.SitOut => alert.Data.TryGetValue("sittingOut", out var on) && on is false ? 0x22C55E : 0xF59E0B,
        AlertKind.DailySummary => 0x64748B,
        _ => 0x8B5CF6,
    };

    private static string Clip(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");
}
