using System.Text.Json;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>
/// The field list derived from Kalshi's OpenAPI spec (<c>kalshi-required-fields.json</c>, copied next to the test assembly;
/// regenerate it with <c>derive-required-fields.py</c>). The tests read this list, never the spec.
/// </summary>
internal sealed record KalshiRequiredFields(
    KalshiSpecSource Spec,
    IReadOnlyDictionary<string, KalshiFormat> Formats,
    IReadOnlyList<KalshiEndpoint> Endpoints,
    IReadOnlyDictionary<string, KalshiSchema> Schemas)
{
    public const string FileName = "kalshi-required-fields.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Lazy<KalshiRequiredFields> Loaded = new(() => Load(Path.Combine(AppContext.BaseDirectory, "Conformance", FileName)));

    /// <summary>The list shipped with the tests.</summary>
    public static KalshiRequiredFields Default => Loaded.Value;

    public static KalshiRequiredFields Load(string path) =>
        JsonSerializer.Deserialize<KalshiRequiredFields>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty");

    public KalshiSchema Schema(string name) =>
        Schemas.TryGetValue(name, out var schema) ? schema : throw new ArgumentException($"{FileName} has no schema '{name}'", nameof(name));

    /// <summary>The response schema Kalshi's spec names for a status of an endpoint, e.g. ("POST", "/portfolio/events/orders", 201).</summary>
    public string ResponseSchema(string method, string path, int status) =>
        Endpoints.FirstOrDefault(e => e.Method == method && e.Path == path && e.Status == status)?.Schema
        ?? throw new ArgumentException($"{FileName} has no {method} {path} → {status}: the spec answers {string.Join(", ", Endpoints.Where(e => e.Path == path).Select(e => $"{e.Method} {e.Status}"))}");
}

internal sealed record KalshiSpecSource(string File, string Title, string Version, string Sha256);

/// <summary>A value format: a date-time, or a fixed-point string with its pattern and the decimals Kalshi sends.</summary>
internal sealed record KalshiFormat(string? Schema, string? Pattern, int? Decimals, int? SpecMaxDecimals, string? Example, string? Description);

internal sealed record KalshiEndpoint(string Method, string Path, string Operation, int Status, string Schema);

internal sealed record KalshiSchema(IReadOnlyList<KalshiField> Fields);

/// <summary>One property: its JSON type (string, integer, number, boolean, array, object, any), and what else the spec says of it.</summary>
internal sealed record KalshiField(
    string Name,
    string Type,
    bool Required,
    bool Nullable,
    string? Format,
    IReadOnlyList<string>? Enum,
    string? Ref,
    KalshiItems? Items,
    bool Deprecated);

/// <summary>What an array holds.</summary>
internal sealed record KalshiItems(string Type, string? Format, IReadOnlyList<string>? Enum, string? Ref);
