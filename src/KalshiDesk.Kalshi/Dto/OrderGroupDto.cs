namespace KalshiDesk.Kalshi.Dto;

internal sealed class OrderGroupLimitDto
{
    public required string ContractsLimitFp { get; set; }
}

internal sealed class CreateOrderGroupResponseDto
{
    public string? OrderGroupId { get; set; }
}

internal sealed class OrderGroupsDto
{
    public List<OrderGroupDto>? OrderGroups { get; set; }
}

internal sealed class OrderGroupDto
{
    public string? Id { get; set; }
    public string? ContractsLimitFp { get; set; }
    public bool? IsAutoCancelEnabled { get; set; }
    public List<string>? Orders { get; set; }
}
