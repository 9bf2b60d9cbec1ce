using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;

namespace KalshiDesk.Engine.Brokers;

/// <summary>Where orders go: paper (simulated fills against the live book), live (Kalshi) or backtest (recorded data).</summary>
public interface IBroker
{
    /// <summary>paper, live or backtest.</summary>
    string Name { get; }

    Task<BrokerResult> ExecuteAsync(OrderRequest order, FeeSchedule fees, CancellationToken ct = default);
}
