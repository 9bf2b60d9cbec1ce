using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>One way a JSON value breaks Kalshi's schema, at a JSON path such as <c>$.markets[3].yes_bid_dollars</c>.</summary>
internal sealed record ConformanceViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Every violation found, and the fields the spec does not list (reported, not wrong: Kalshi's clients ignore them).</summary>
internal sealed record ConformanceReport(IReadOnlyList<ConformanceViolation> Violations, IReadOnlyList<string> UndocumentedFields)
{
    public bool Conforms => Violations.Count == 0;
}

/// <summary>
/// Checks a JSON value against a schema of <see cref="KalshiRequiredFields"/>: every required field present, each field of its
/// JSON type, null only where nullable, formats that parse (RFC 3339 date-times, fixed-point dollar and count strings with
/// exactly the decimals Kalshi sends), enum values among the allowed ones; nested objects and array items are checked against
/// their own schemas. It never stops at the first problem.
/// </summary>
internal sealed partial class WireConformanceChecker(KalshiRequiredFields list)
{
    public static WireConformanceChecker Default { get; } = new(KalshiRequiredFields.Default);

    public KalshiRequiredFields List { get; } = list;

    public ConformanceReport Check(JsonElement value, string schema, string path = "$")
    {
        var violations = new List<ConformanceViolation>();
        var undocumented = new List<string>();
        CheckObject(value, schema, path, violations, undocumented);
        return new ConformanceReport(violations, undocumented);
    }

    private void CheckObject(JsonElement value, string schemaName, string path, List<ConformanceViolation> violations, List<string> undocumented)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new(path, $"expected a {schemaName} object, got {Describe(value)}"));
            return;
        }

        var schema = List.Schema(schemaName);
        foreach (var field in schema.Fields)
        {
            var fieldPath = $"{path}.{field.Name}";
            if (!value.TryGetProperty(field.Name, out var fieldValue))
            {
                if (field.Required)
                {
                    violations.Add(new(fieldPath, $"required field of {schemaName} is missing"));
                }

                continue;
            }

            if (fieldValue.ValueKind == JsonValueKind.Null)
            {
                if (!field.Nullable)
                {
                    violations.Add(new(fieldPath, $"is null, but {schemaName}.{field.Name} is not nullable ({field.Type})"));
                }

                continue;
            }

            CheckValue(fieldValue, field.Type, field.Format, field.Enum, field.Ref, field.Items, fieldPath, violations, undocumented);
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!schema.Fields.Any(f => f.Name == property.Name))
            {
                undocumented.Add($"{path}.{property.Name}");
            }
        }
    }

    private void CheckValue(
        JsonElement value,
        string type,
        string? format,
        IReadOnlyList<string>? allowed,
        string? reference,
        KalshiItems? items,
        string path,
        List<ConformanceViolation> violations,
        List<string> undocumented)
    {
        switch (type)
        {
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    violations.Add(new(path, $"expected a string, got {Describe(value)}"));
                    return;
                }

                var text = value.GetString()!;
                if (format is not null && FormatProblem(text, format) is { } problem)
                {
                    violations.Add(new(path, problem));
                }

                if (allowed is not null && !allowed.Contains(text))
                {
                    violations.Add(new(path, $"\"{text}\" is not one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}"));
                }

                return;

            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !IsWholeNumber(value.GetRawText()))
                {
                    violations.Add(new(path, $"expected an integer, got {Describe(value)}"));
                }
                else if (format == "int32" ? !value.TryGetInt32(out _) : !value.TryGetInt64(out _))
                {
                    violations.Add(new(path, $"{value.GetRawText()} is out of range for {format ?? "int64"}"));
                }

                return;

            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    violations.Add(new(path, $"expected a number, got {Describe(value)}"));
                }

                return;

            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add(new(path, $"expected true or false, got {Describe(value)}"));
                }

                return;

            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    violations.Add(new(path, $"expected an array, got {Describe(value)}"));
                    return;
                }

                if (items is null)
                {
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        violations.Add(new(itemPath, "array item is null"));
                        continue;
                    }

                    CheckValue(item, items.Type, items.Format, items.Enum, items.Ref, null, itemPath, violations, undocumented);
                }

                return;

            case "object":
                if (reference is not null)
                {
                    CheckObject(value, reference, path, violations, undocumented);
                }
                else if (value.ValueKind != JsonValueKind.Object)
                {
                    violations.Add(new(path, $"expected an object, got {Describe(value)}"));
                }

                return;

            case "any":
                return;

            default:
                throw new InvalidDataException($"{KalshiRequiredFields.FileName}: unknown JSON type '{type}' at {path}");
        }
    }

    /// <summary>Null when <paramref name="text"/> is in <paramref name="format"/>, else what is wrong with it.</summary>
    private string? FormatProblem(string text, string format)
    {
        if (format == "date-time")
        {
            return IsDateTime(text) ? null : $"\"{text}\" is not an RFC 3339 date-time (e.g. 2026-05-20T03:59:00Z)";
        }

        if (!List.Formats.TryGetValue(format, out var spec) || spec.Pattern is null)
        {
            // int64, double and the like: the JSON type check covers them.
            return null;
        }

        if (Regex.IsMatch(text, spec.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) &&
            decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return $"\"{text}\" is not {format} ({spec.Schema}): Kalshi sends exactly {spec.Decimals} decimals, e.g. \"{spec.Example}\"";
    }

    private static bool IsDateTime(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET parses at most 7 fractional digits; RFC 3339 allows any number.
        var fraction = match.Groups["fraction"].Value;
        var normalized = fraction.Length > 8 ? text.Replace(fraction, fraction[..8], StringComparison.Ordinal) : text;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static bool IsWholeNumber(string raw) => !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?<fraction>\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
