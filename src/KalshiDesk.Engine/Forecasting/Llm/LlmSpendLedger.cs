namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// The daily spend cap. A call first reserves its worst-case cost and is refused when spent + reserved + that cost would
/// pass the cap, so the cap holds even for the call that reaches it; once answered, the reservation is replaced by the
/// call's actual cost. A call is charged to the UTC day it started; the count starts again at 00:00 UTC.
/// Kept in memory: a restart starts the day's count afresh.
/// </summary>
public sealed class LlmSpendLedger(TimeProvider time, decimal capDollars)
{
    private readonly Lock _gate = new();
    private DateOnly _day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    private decimal _spent;
    private decimal _reserved;

    /// <summary>The cap, in dollars per UTC day.</summary>
    public decimal CapDollars { get; } = capDollars >= 0 ? capDollars : throw new ArgumentOutOfRangeException(nameof(capDollars), capDollars, "A spend cap cannot be negative.");

    /// <summary>Dollars charged for calls started today (UTC), not counting calls still in flight.</summary>
    public decimal SpentToday
    {
        get
        {
            lock (_gate)
            {
                RollOver();
                return _spent;
            }
        }
    }

    /// <summary>Sets aside <paramref name="worstCaseDollars"/> for a call, or returns false when that would pass today's cap.</summary>
    public bool TryReserve(decimal worstCaseDollars, out LlmSpendReservation reservation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(worstCaseDollars);
        lock (_gate)
        {
            RollOver();
            if (_spent + _reserved + worstCaseDollars > CapDollars)
            {
                reservation = default;
                return false;
            }

            _reserved += worstCaseDollars;
            reservation = new LlmSpendReservation(_day, worstCaseDollars);
            return true;
        }
    }

    /// <summary>Replaces a reservation by what the call really cost.</summary>
    public void Settle(LlmSpendReservation reservation, decimal actualDollars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actualDollars);
        lock (_gate)
        {
            RollOver();

            // A call that started yesterday was yesterday's spend; today's count is not touched.
            if (reservation.Day == _day)
            {
                _reserved -= reservation.Dollars;
                _spent += actualDollars;
            }
        }
    }

    private void RollOver()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today != _day)
        {
            _day = today;
            _spent = 0;
            _reserved = 0;
        }
    }
}
