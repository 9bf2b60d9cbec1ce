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

    /// <summary>
    /// The account's own budget from <c>GET /account/limits</c> and <c>/account/endpoint_costs</c>. The older limits form
    /// counts requests a second; at the default cost that many requests need cost × as many tokens.
    /// </summary>
    public static KalshiRateLimits From(Models.AccountLimits limits, Models.EndpointCosts costs)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(costs);
        var defaultCost = costs.DefaultCost > 0 ? costs.DefaultCost : Basic.DefaultCost;
        var scale = limits.Unit == Models.RateLimitUnit.Requests ? defaultCost : 1;
        var endpointCosts = new Dictionary<string, int>(Basic.EndpointCosts, StringComparer.Ordinal);
        foreach (var cost in costs.Overrides)
        {
            endpointCosts[$"{cost.Method.ToUpperInvariant()} {Template(cost.Path)}"] = cost.Cost;
        }

        return new KalshiRateLimits(
            limits.UsageTier,
            limits.Read.RefillPerSecond * scale,
            limits.Read.Capacity * scale,
            limits.Write.RefillPerSecond * scale,
            limits.Write.Capacity * scale,
            defaultCost,
            endpointCosts);
    }

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

    // After one of these, a path segment is an identifier (a ticker, an order id) unless it is one of Kalshi's named routes.
    private static readonly HashSet<string> Collections = new(StringComparer.Ordinal) { "markets", "series", "events", "orders", "order_groups", "api_keys" };
    private static readonly HashSet<string> Routes = new(StringComparer.Ordinal) { "", "trades", "orderbooks", "candlesticks", "batched", "create", "queue_positions", "fee_changes", "multivariate", "orders" };

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

        // Kalshi's own tables name path parameters ("{order_id}"): any of them is an id.
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            if ((segment.StartsWith('{') && segment.EndsWith('}'))
                || (Collections.Contains(previous) && !Routes.Contains(segment)))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }
}
