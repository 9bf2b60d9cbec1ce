using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox;

/// <summary>
/// Markets open at <c>open_time</c>, stop trading at <c>close_time</c> (resting orders cancelled), are determined a
/// minute later with an outcome drawn from the event's hidden truth (jointly, so a ladder and a one-winner event stay
/// consistent), and settle five minutes after that: $1 a winning contract to every holder. A settled event is replaced
/// by a fresh one of the same series, so the world keeps its size and history keeps accumulating.
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly PriorityQueue<SandboxEvent, (DateTimeOffset Due, string Ticker)> _schedule = new(DueOrder.Instance);
    private readonly List<LifecycleNotice> _notices = [];

    /// <summary>Lifecycle changes so far, oldest first; read under <see cref="Inspect"/> or inside <see cref="Changed"/>.</summary>
    internal IReadOnlyList<LifecycleNotice> Notices => _notices;

    /// <summary>What the exchange has taken in fees, from everyone.</summary>
    internal decimal FeesCollected => _account.FeesPaid + _engine.Traders.FeesCollected;

    private void ScheduleAll()
    {
        foreach (var scheduled in _world.Events)
        {
            Schedule(scheduled);
        }
    }

    private void Schedule(SandboxEvent scheduled)
    {
        if (NextStepAt(scheduled) is { } due)
        {
            _schedule.Enqueue(scheduled, (due, scheduled.EventTicker));
        }
    }

    /// <summary>When the event's markets next change status, or null once they are settled.</summary>
    private static DateTimeOffset? NextStepAt(SandboxEvent scheduled)
    {
        var market = scheduled.Markets[0];
        return market.Status switch
        {
            MarketStatus.Initialized => market.OpenTime,
            MarketStatus.Active => market.CloseTime,
            MarketStatus.Closed => market.CloseTime + SandboxMarket.DeterminationDelay,
            MarketStatus.Determined => market.DeterminedTime!.Value + SandboxMarket.SettlementTimer,
            _ => null,
        };
    }

    /// <summary>Carries out every lifecycle step due by <paramref name="now"/>, in the order they fell due.</summary>
    /// <returns>True when anything changed.</returns>
    private bool AdvanceLifecycle(DateTimeOffset now)
    {
        var changed = false;
        while (_schedule.TryPeek(out var due, out var when) && when.Due <= now)
        {
            _schedule.Dequeue();
            Step(due, when.Due, now);
            Schedule(due);
            changed = true;
        }

        return changed;
    }

    private void Step(SandboxEvent stepping, DateTimeOffset at, DateTimeOffset now)
    {
        switch (stepping.Markets[0].Status)
        {
            case MarketStatus.Initialized:
                foreach (var market in stepping.Markets)
                {
                    market.Status = MarketStatus.Active;
                    _world.Requote(market, _engine, now);
                    _notices.Add(new LifecycleNotice(LifecycleKind.Activated, stepping, market, at));
                }

                break;

            case MarketStatus.Active:
                foreach (var market in stepping.Markets)
                {
                    CloseMarket(market, now);
                }

                break;

            case MarketStatus.Closed:
                var outcome = stepping.Truth.Draw(_world.Random);
                foreach (var market in stepping.Markets)
                {
                    market.Status = MarketStatus.Determined;
                    market.Result = outcome[market.Index];
                    market.DeterminedTime = at;
                    _notices.Add(new LifecycleNotice(LifecycleKind.Determined, stepping, market, at));
                }

                break;

            case MarketStatus.Determined:
                foreach (var market in stepping.Markets)
                {
                    var yesWon = market.Result!.Value;
                    _paidOut += _account.Settle(market, yesWon, at)?.Revenue ?? 0m;
                    _paidOut += _engine.Traders.Settle(market.Ticker, yesWon);
                    market.Status = MarketStatus.Finalized;
                    market.SettledTime = at;
                    market.OpenInterest = 0m;
                    _notices.Add(new LifecycleNotice(LifecycleKind.Settled, stepping, market, at));
                }

                Replace(stepping, now);
                break;
        }
    }

    /// <summary>Trading stops: the makers' quotes come down and the account's resting orders are cancelled, their holds released.</summary>
    private void CloseMarket(SandboxMarket market, DateTimeOffset now)
    {
        foreach (var order in _account.RestingOrders.Where(o => o.Market == market).ToList())
        {
            Cancel(order, now);
        }

        market.Book.RemoveAll(_ => true);
        market.Status = MarketStatus.Closed;
    }

    /// <summary>A new event of the settled one's series opens in its place.</summary>
    private void Replace(SandboxEvent settled, DateTimeOffset now)
    {
        if (settled.Template is not { } template || WorldGenerator.Spawn(_world.Random, template, now, _world.HasEvent) is not { } spawned)
        {
            return;
        }

        _world.Add(spawned);
        _notices.Add(new LifecycleNotice(LifecycleKind.EventCreated, spawned, null, now));
        foreach (var market in spawned.Markets)
        {
            _notices.Add(new LifecycleNotice(LifecycleKind.Created, spawned, market, now));
            _world.Requote(market, _engine, now);
            _notices.Add(new LifecycleNotice(LifecycleKind.Activated, spawned, market, now));
        }

        Schedule(spawned);
    }

    /// <summary>The demo account's settlements, newest first.</summary>
    internal IReadOnlyList<AccountSettlement> GetSettlements(string? ticker, string? eventTicker)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            return [.. _account.Settlements.Reverse()
                .Where(s => ticker is null || s.Market.Ticker == ticker)
                .Where(s => eventTicker is null || s.Market.Event.EventTicker == eventTicker)];
        }
    }

    /// <summary>Carries out the lifecycle steps due by the clock's now without moving the world (the end of a recording).</summary>
    internal void CatchUp()
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
        }
    }

    /// <summary>Brings the exchange up to <paramref name="now"/>: lifecycle steps that fell due, then expired orders.</summary>
    private void Advance(DateTimeOffset now)
    {
        var changed = AdvanceLifecycle(now);
        changed |= ExpireOrdersQuietly(now);
        if (changed)
        {
            Announce(now);
        }
    }

    private sealed class DueOrder : IComparer<(DateTimeOffset Due, string Ticker)>
    {
        public static readonly DueOrder Instance = new();

        public int Compare((DateTimeOffset Due, string Ticker) x, (DateTimeOffset Due, string Ticker) y)
        {
            var byTime = x.Due.CompareTo(y.Due);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Ticker, y.Ticker);
        }
    }
}
