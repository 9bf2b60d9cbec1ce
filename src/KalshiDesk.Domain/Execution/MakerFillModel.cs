using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Execution;

/// <summary>
/// The chance a bid joining the best price fills before it expires. Kalshi matches by price, then time, so a new bid
/// at the best price waits behind every contract already resting there (the queue) and fills only once sellers have
/// taken the whole queue and then the order itself. With <c>F</c> the contracts sellers are expected to push into that
/// side's bids over the order's life (the tape's recent rate carried forward), the estimate is
/// <c>min(1, F / (queue + order))</c>: the share of the flow needed that is expected to come. It is the expected fraction
/// of the order filled, linear in the flow and falling with the queue and the order's own size.
/// </summary>
/// <remarks>
/// It leaves out adverse selection (a bid is likelier to fill when the price is moving through it, so its edge when
/// filled is lower than at the time it was placed) and cancellations ahead in the queue (which would shorten the wait).
/// </remarks>
public static class MakerFillModel
{
    private const decimal MinimumOrder = 0.01m;

    /// <summary>The estimated fill probability, 0–1.</summary>
    /// <param name="queueAhead">Contracts resting at the bid price before the order joins.</param>
    /// <param name="order">The order's contracts (an empty order counts as 0.01, the smallest Kalshi accepts).</param>
    /// <param name="expectedHits">Contracts expected to be sold into the bids over the order's life.</param>
    public static double FillProbability(Quantity queueAhead, Quantity order, decimal expectedHits)
    {
        // An empty order is read as the smallest one Kalshi accepts (0.01 contracts): the chance its first contract fills.
        var needed = queueAhead.Contracts + Math.Max(order.Contracts, MinimumOrder);
        if (expectedHits <= 0m)
        {
            return 0d;
        }

        return expectedHits >= needed ? 1d : (double)(expectedHits / needed);
    }
}
