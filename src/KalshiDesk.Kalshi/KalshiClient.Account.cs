using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>The member's usage tier and rate buckets: <c>GET /account/limits</c> (auth).</summary>
    public async Task<AccountLimits> GetAccountLimitsAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<AccountLimitsDto>("account/limits", ct).ConfigureAwait(false);
        var tier = dto.UsageTier is { Length: > 0 } t ? t : throw new KalshiDataException("usage_tier", null, "is missing");
        if (dto.Read is not null || dto.Write is not null)
        {
            return new AccountLimits(tier, ToBucket(dto.Read, "read"), ToBucket(dto.Write, "write"), RateLimitUnit.Tokens);
        }

        // The older form gave requests a second; such a bucket holds one second of budget.
        var read = Positive(dto.ReadLimit, "read_limit");
        var write = Positive(dto.WriteLimit, "write_limit");
        return new AccountLimits(tier, new RateBucket(read, read), new RateBucket(write, write), RateLimitUnit.Requests);
    }

    /// <summary>Token costs that differ from the default: <c>GET /account/endpoint_costs</c>.</summary>
    public async Task<EndpointCosts> GetEndpointCostsAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<EndpointCostsDto>("account/endpoint_costs", ct).ConfigureAwait(false);
        var costs = (dto.EndpointCosts ?? []).Select(c => new EndpointCost(
            c.Method is { Length: > 0 } m ? m : throw new KalshiDataException("endpoint_costs.method", null, "is missing"),
            c.Path is { Length: > 0 } p ? p : throw new KalshiDataException("endpoint_costs.path", null, "is missing"),
            c.Cost is { } cost and >= 0 ? cost : throw new KalshiDataException("endpoint_costs.cost", null, $"'{c.Cost}' is not a cost for {c.Method} {c.Path}"))).ToList();
        return new EndpointCosts(Positive(dto.DefaultCost, "default_cost"), costs);
    }

    private static RateBucket ToBucket(BucketLimitDto? dto, string field) =>
        dto is null
            ? throw new KalshiDataException(field, null, "is missing")
            : new RateBucket(Positive(dto.RefillRate, $"{field}.refill_rate"), Positive(dto.BucketCapacity, $"{field}.bucket_capacity"));

    private static int Positive(int? value, string field) => value switch
    {
        null => throw new KalshiDataException(field, null, "is missing"),
        <= 0 => throw new KalshiDataException(field, null, $"{value} is not positive"),
        _ => value.Value,
    };
}
