namespace KalshiDesk.Kalshi.RateLimiting;

/// <summary>
/// Kalshi's token-bucket budget: separate read and write buckets, each with a refill rate (tokens a second)
/// and a capacity; a request costs <see cref="DefaultCost"/> tokens unless its endpoint says otherwise.
/// </summary>
/// <param name="EndpointCosts">Costs by "METHOD /path" with <c>{id}</c> for path parameters.</param>
public sealed record KalshiRateLimits(
    string Tier,
    int ReadRefillPerSecond,
    int ReadCapacity,
    int WriteRefillPerSecond,
    int WriteCapacity,
    int DefaultCost,
    IReadOnlyDictionary<string, int> EndpointCosts)
{
    /// <summary>
    /// The Basic tier (Kalshi docs, 2026 token model): 200 read and 100 write tokens a second, the write
    /// bucket holding two seconds of budget; 10 tokens a request, 2 for a cancel or a single-order read.
    /// </summary>
    public static KalshiRateLimits Basic { get; } = new(
        "basic",
        200,
        200,
        100,
        200,
        10,
        new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["DELETE /portfolio/events/orders/{id}"] = 2,
            ["DELETE /portfolio/orders/{id}"] = 2,
            ["GET /portfolio/orders/{id}"] = 2,
        });

    /// <summary>The tokens a request costs.</summary>
    public int CostOf(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        var template = Template(path);
        return EndpointCosts.TryGetValue($"{method.Method} {template}", out var cost) ? cost : DefaultCost;
    }

    /// <summary>Writes are order and order-group changes; everything else reads.</summary>
    public static bool IsWrite(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method != HttpMethod.Get && Template(path).StartsWith("/portfolio/", StringComparison.Ordinal);
    }

    /// <summary>"/trade-api/v2/portfolio/events/orders/abc-123" → "/portfolio/events/orders/{id}".</summary>
    public static string Template(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Split('?', 2)[0];
        const string prefix = "/trade-api/v2";
        if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[prefix.Length..];
        }

        var segments = trimmed.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            if (previous is "orders" or "order_groups" && segment is not ("batched" or "create" or "queue_positions" or ""))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }
}
