namespace KalshiDesk.Engine.Risk;

/// <summary>The orders resting on the exchange for this account, and cancelling them: what a halt does on a live desk.</summary>
public interface IExchangeRestingOrders
{
    /// <summary>The ids of every order of this account resting on the exchange.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default);

    /// <summary>Cancels the orders; returns the ids the exchange cancelled.</summary>
    Task<IReadOnlyList<string>> CancelAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default);
}
