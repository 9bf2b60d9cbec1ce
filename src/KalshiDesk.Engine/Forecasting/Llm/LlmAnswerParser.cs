using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// Reads the one JSON shape the prompt asks for: <c>{"probability": 0.37, "confidence": 0.6, "reason": "…"}</c>.
/// Anything else is refused with a reason: a number guessed out of free text is worse than no number.
/// </summary>
public static class LlmAnswerParser
{
    public const int MaxReasonLength = 200;

    /// <summary>Confidence when the model leaves it out: no better than a coin on how much to trust it.</summary>
    public const double DefaultConfidence = 0.5;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="failure"/> says what was wrong, in one line.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LlmAnswer? answer, [NotNullWhen(false)] out string? failure)
    {
        answer = null;
        var json = Unfence(text);
        if (json.Length == 0)
        {
            failure = "the answer was empty";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            failure = $"the answer is not JSON ({ex.Message}): {Excerpt(json)}";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                failure = $"the answer is JSON {root.ValueKind}, not an object: {Excerpt(json)}";
                return false;
            }

            if (!root.TryGetProperty("probability", out var probability))
            {
                failure = $"the answer has no \"probability\": {Excerpt(json)}";
                return false;
            }

            if (!TryUnit(probability, out var p))
            {
                failure = $"\"probability\" must be a number from 0 to 1, not {Excerpt(probability.GetRawText())}";
                return false;
            }

            var confidence = DefaultConfidence;
            if (root.TryGetProperty("confidence", out var stated) && stated.ValueKind != JsonValueKind.Null && !TryUnit(stated, out confidence))
            {
                failure = $"\"confidence\" must be a number from 0 to 1, not {Excerpt(stated.GetRawText())}";
                return false;
            }

            var reason = root.TryGetProperty("reason", out var said) && said.ValueKind == JsonValueKind.String ? said.GetString() ?? string.Empty : string.Empty;
            answer = new LlmAnswer(Probability.Of(p), confidence, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason);
            failure = null;
            return true;
        }
    }

    private static bool TryUnit(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && value is >= 0 and <= 1;
    }

    /// <summary>The text without surrounding whitespace or one Markdown code fence (```json … ```), which chat models add out of habit.</summary>
    private static string Unfence(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return trimmed;
        }

        var body = trimmed[3..^3];
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? body[(newline + 1)..] : body).Trim();
    }

    private static string Excerpt(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 120 ? oneLine : oneLine[..120] + "…";
    }
}
