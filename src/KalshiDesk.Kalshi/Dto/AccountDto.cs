namespace KalshiDesk.Kalshi.Dto;

internal sealed class AccountLimitsDto
{
    public string? UsageTier { get; set; }
    public BucketLimitDto? Read { get; set; }
    public BucketLimitDto? Write { get; set; }

    /// <summary>Older form: requests a second.</summary>
    public int? ReadLimit { get; set; }

    /// <summary>Older form: requests a second.</summary>
    public int? WriteLimit { get; set; }
}

internal sealed class BucketLimitDto
{
    public int? RefillRate { get; set; }
    public int? BucketCapacity { get; set; }
}

internal sealed class EndpointCostsDto
{
    public int? DefaultCost { get; set; }
    public List<EndpointCostDto>? EndpointCosts { get; set; }
}

internal sealed class EndpointCostDto
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public int? Cost { get; set; }
}
