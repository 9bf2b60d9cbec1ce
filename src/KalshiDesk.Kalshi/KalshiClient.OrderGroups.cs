using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    private const string OrderGroups = "portfolio/order_groups";

    /// <summary>Creates an order group: <c>POST /portfolio/order_groups/create</c> (auth). Returns its id.</summary>
    /// <param name="contractsLimit">Contracts allowed to match per rolling 15 seconds before the group's orders are cancelled.</param>
    public async Task<string> CreateOrderGroupAsync(Quantity contractsLimit, CancellationToken ct = default)
    {
        CheckGroupLimit(contractsLimit, nameof(contractsLimit));
        var dto = await SendAsync<CreateOrderGroupResponseDto>(HttpMethod.Post, $"{OrderGroups}/create", new OrderGroupLimitDto { ContractsLimitFp = contractsLimit.ToString() }, ct).ConfigureAwait(false);
        return dto.OrderGroupId is { Length: > 0 } id ? id : throw new KalshiDataException("order_group_id", null, "is missing");
    }

    /// <summary>The member's order groups: <c>GET /portfolio/order_groups</c> (auth).</summary>
    public async Task<IReadOnlyList<OrderGroup>> GetOrderGroupsAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<OrderGroupsDto>(OrderGroups, ct).ConfigureAwait(false);
        return [.. (dto.OrderGroups ?? []).Select(g => ToOrderGroup(g, g.Id is { Length: > 0 } id ? id : throw new KalshiDataException("order_groups.id", null, "is missing"), withOrders: false))];
    }

    /// <summary>One order group with its orders: <c>GET /portfolio/order_groups/{id}</c> (auth).</summary>
    public async Task<OrderGroup> GetOrderGroupAsync(string orderGroupId, CancellationToken ct = default)
    {
        var dto = await GetAsync<OrderGroupDto>($"{OrderGroups}/{Segment(orderGroupId, nameof(orderGroupId))}", ct).ConfigureAwait(false);
        return ToOrderGroup(dto, orderGroupId, withOrders: true);
    }

    /// <summary>Deletes a group and cancels its orders: <c>DELETE /portfolio/order_groups/{id}</c> (auth).</summary>
    public Task DeleteOrderGroupAsync(string orderGroupId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"{OrderGroups}/{Segment(orderGroupId, nameof(orderGroupId))}", null, ct);

    /// <summary>Resets the group's matched-contracts counter so it accepts orders again: <c>PUT …/reset</c> (auth).</summary>
    public Task ResetOrderGroupAsync(string orderGroupId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"{OrderGroups}/{Segment(orderGroupId, nameof(orderGroupId))}/reset", new { }, ct);

    /// <summary>Cancels the group's orders and blocks new ones until reset: <c>PUT …/trigger</c> (auth).</summary>
    public Task TriggerOrderGroupAsync(string orderGroupId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"{OrderGroups}/{Segment(orderGroupId, nameof(orderGroupId))}/trigger", new { }, ct);

    /// <summary>Changes the group's limit (contracts per rolling 15 s): <c>PUT …/limit</c> (auth). A limit already exceeded triggers the group.</summary>
    public Task SetOrderGroupLimitAsync(string orderGroupId, Quantity contractsLimit, CancellationToken ct = default)
    {
        CheckGroupLimit(contractsLimit, nameof(contractsLimit));
        return SendAsync(HttpMethod.Put, $"{OrderGroups}/{Segment(orderGroupId, nameof(orderGroupId))}/limit", new OrderGroupLimitDto { ContractsLimitFp = contractsLimit.ToString() }, ct);
    }

    private static OrderGroup ToOrderGroup(OrderGroupDto dto, string id, bool withOrders) => new(
        id,
        KalshiJson.ParseCount(dto.ContractsLimitFp, "contracts_limit_fp", null),
        dto.IsAutoCancelEnabled ?? throw new KalshiDataException("is_auto_cancel_enabled", null, $"is missing for order group {id}"),
        withOrders ? [.. dto.Orders ?? []] : null);

    private static void CheckGroupLimit(Quantity limit, string name)
    {
        // Kalshi: contracts_limit minimum 1.
        if (limit.Contracts < 1m)
        {
            throw new ArgumentOutOfRangeException(name, limit, "An order group's limit is at least 1 contract.");
        }
    }
}
