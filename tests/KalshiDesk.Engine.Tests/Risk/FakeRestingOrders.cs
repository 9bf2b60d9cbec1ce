using KalshiDesk.Engine.Risk;

namespace KalshiDesk.Engine.Tests.Risk;

/// <summary>Orders resting on a fake exchange: a test puts them there; a cancel takes them off and is recorded.</summary>
internal sealed class FakeRestingOrders : IExchangeRestingOrders
{
    public List<string> Resting { get; } = [];

    public List<string> Cancelled { get; } = [];

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([.. Resting]);

    public Task<IReadOnlyList<string>> CancelAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        var cancelled = orderIds.Where(Resting.Contains).ToList();
        Resting.RemoveAll(cancelled.Contains);
        Cancelled.AddRange(cancelled);
        return Task.FromResult<IReadOnlyList<string>>(cancelled);
    }
}
