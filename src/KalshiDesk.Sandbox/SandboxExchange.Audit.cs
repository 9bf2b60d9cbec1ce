using KalshiDesk.Sandbox.Matching;

namespace KalshiDesk.Sandbox;

/// <summary>The exchange's books added up across every holder, to prove that contracts and money balance.</summary>
/// <param name="Money">Everyone's cash, the account's holds for resting orders, the fees collected and the $1 collateral behind each open YES+NO pair.</param>
/// <param name="OpeningMoney">What everyone started with.</param>
/// <param name="Imbalances">Markets where the YES held differs from the NO held (ticker, YES, NO); empty when they balance.</param>
/// <param name="LowestCash">The lowest cash of any holder (the account's counted with its holds back in).</param>
internal sealed record LedgerAudit(decimal Money, decimal OpeningMoney, IReadOnlyList<(string Ticker, decimal Yes, decimal No)> Imbalances, decimal LowestCash, decimal FeesCollected, decimal PaidOut);

public sealed partial class SandboxExchange
{
    private decimal _paidOut;

    internal LedgerAudit Audit()
    {
        lock (_gate)
        {
            var traders = _engine.Traders;
            var imbalances = new List<(string, decimal, decimal)>();
            var collateral = 0m;
            foreach (var market in _world.Markets)
            {
                var (yes, no) = traders.Held(market.Ticker);
                if (_account.FindPosition(market.Ticker) is { } position)
                {
                    yes += Math.Max(0m, position.Contracts);
                    no += Math.Max(0m, -position.Contracts);
                }

                if (yes != no)
                {
                    imbalances.Add((market.Ticker, yes, no));
                }

                collateral += yes;
            }

            var reserves = _account.RestingOrders.Sum(o => o.ReservedCost + o.ReservedFee);
            var simulatedCash = SimulatedTraders.Traders.Sum(traders.CashOf);
            var lowest = Math.Min(_account.Cash, SimulatedTraders.Traders.Min(traders.CashOf));
            var money = _account.Cash + reserves + simulatedCash + FeesCollected + collateral;
            var opening = _openingCash + (SimulatedTraders.Traders.Count * SimulatedTraders.OpeningCash);
            return new LedgerAudit(money, opening, imbalances, lowest, FeesCollected, _paidOut);
        }
    }
}
