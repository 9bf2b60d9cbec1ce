using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KalshiDesk.Sandbox.Tests.Conformance;

/// <summary>Assertions that the Sandbox's JSON is what Kalshi's OpenAPI spec (via <see cref="KalshiRequiredFields"/>) says it sends.</summary>
internal static partial class WireConformance
{
    /// <summary>At most this many distinct problems are spelled out in a failure; the rest are counted.</summary>
    private const int MaxListed = 40;

    /// <summary>
    /// Asserts that an answer of <c>method path</c> has the status the spec gives that endpoint's success and the body its
    /// response schema (e.g. <c>("POST", "/portfolio/events/orders")</c> → 201 <c>CreateOrderV2Response</c>).
    /// </summary>
    public static ConformanceReport AssertResponseConforms(string method, string path, int status, JsonElement body, string? context = null)
    {
        var list = KalshiRequiredFields.Default;
        var success = list.Endpoints.Where(e => e.Method == method && e.Path == path).ToList();
        Assert.True(success.Count > 0, $"{KalshiRequiredFields.FileName} lists no {method} {path}");
        Assert.True(success.Any(e => e.Status == status), $"{method} {path}{At(context)} answered {status}, the spec's success is {string.Join("/", success.Select(e => e.Status))}: {body}");
        return AssertConforms(body, list.ResponseSchema(method, path, status), context);
    }

    /// <summary>Asserts that <paramref name="value"/> is a conforming <paramref name="schema"/>, listing every violation with its JSON path.</summary>
    public static ConformanceReport AssertConforms(JsonElement value, string schema, string? context = null)
    {
        var report = WireConformanceChecker.Default.Check(value, schema);
        if (!report.Conforms)
        {
            Assert.Fail(Describe(report, schema, context));
        }

        return report;
    }

    /// <summary>
    /// Asserts a <c>GET /portfolio/settlements</c> body: the <c>GetSettlementsResponse</c> envelope, and each item of
    /// <c>settlements</c> as a Kalshi <c>Settlement</c>. Returns how many items it checked (0 while nothing has settled).
    /// </summary>
    public static int AssertSettlementsConform(JsonElement body)
    {
        AssertConforms(body, "GetSettlementsResponse", "GET /portfolio/settlements");
        var items = body.GetProperty("settlements").EnumerateArray().ToList();
        var violations = items.SelectMany((item, i) => WireConformanceChecker.Default.Check(item, "Settlement", $"$.settlements[{i}]").Violations).ToList();
        if (violations.Count > 0)
        {
            Assert.Fail(Describe(new ConformanceReport(violations, []), "Settlement", "GET /portfolio/settlements items"));
        }

        return items.Count;
    }

    /// <summary>The violations grouped by field (array indexes folded to <c>[*]</c>), each with a count and its first concrete path.</summary>
    public static string Describe(ConformanceReport report, string schema, string? context = null)
    {
        var text = new StringBuilder();
        text.Append($"{report.Violations.Count} violation(s) of Kalshi's {schema}{At(context)}:");
        var groups = report.Violations.GroupBy(v => Fold(v.Path)).ToList();
        foreach (var group in groups.Take(MaxListed))
        {
            var first = group.First();
            text.Append($"\n  {first}");
            if (group.Count() > 1)
            {
                text.Append($"  (and {group.Count() - 1} more at {group.Key})");
            }
        }

        if (groups.Count > MaxListed)
        {
            text.Append($"\n  … {groups.Count - MaxListed} more field(s)");
        }

        return text.ToString();
    }

    /// <summary><c>$.markets[12].price_ranges[0].step</c> → <c>$.markets[*].price_ranges[*].step</c>.</summary>
    public static string Fold(string path) => Index().Replace(path, "[*]");

    /// <summary>The undocumented fields, folded and de-duplicated, for a test's output.</summary>
    public static IEnumerable<string> Undocumented(ConformanceReport report) => report.UndocumentedFields.Select(Fold).Distinct();

    private static string At(string? context) => context is null ? string.Empty : $" ({context})";

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}
